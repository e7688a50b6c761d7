// Late-payment interest (bunga/sanksi administratif): a rate of the unpaid principal per month
// or part of a month, from the due date to the payment date, capped at a number of months.
// This is the one place the amount due is computed; counter, kiosk, inquiry and reports use it.
import { addMonthsCivil } from './time';
import { assertRupiah } from './money';

export interface InterestRule {
  /** basis points per month: 100 = 1 % (current national law), 200 = 2 % (older regional rules) */
  rateBp: number;
  /** at most this many months are charged (24 by law) */
  capMonths: number;
  /** how a fractional rupiah is rounded: down (default), half up, or up */
  rounding: 'floor' | 'round' | 'ceil';
}

export const DEFAULT_INTEREST: InterestRule = { rateBp: 100, capMonths: 24, rounding: 'floor' };

/**
 * Months of lateness: the smallest k such that dueDate + k months (clamped to month end) is on or
 * after the payment date; 0 when paid on or before the due date, capped at rule.capMonths.
 */
export function lateMonths(dueDate: string, payDate: string, capMonths: number): number {
  if (payDate <= dueDate) return 0;
  for (let k = 1; k <= capMonths; k++) {
    if (addMonthsCivil(dueDate, k) >= payDate) return k;
  }
  return capMonths;
}

export function interestFor(principal: number, months: number, rule: InterestRule): number {
  assertRupiah(principal, 'pokok');
  if (months <= 0 || principal <= 0) return 0;
  // integer arithmetic: principal × rateBp × months / 10 000
  const numerator = principal * rule.rateBp * months;
  if (!Number.isSafeInteger(numerator)) throw new RangeError('Pokok terlalu besar untuk dihitung bunganya');
  const whole = Math.floor(numerator / 10_000);
  const remainder = numerator % 10_000;
  if (remainder === 0 || rule.rounding === 'floor') return whole;
  if (rule.rounding === 'ceil') return whole + 1;
  return remainder * 2 >= 10_000 ? whole + 1 : whole;
}

export interface BillForDue {
  principal: number;
  dueDate: string;
}

export interface AmountDue {
  principal: number;
  months: number;
  fine: number;
  total: number;
}

/** what a bill costs if paid on payDate (a WIB civil date) */
export function amountDue(bill: BillForDue, payDate: string, rule: InterestRule): AmountDue {
  const months = lateMonths(bill.dueDate, payDate, rule.capMonths);
  const fine = interestFor(bill.principal, months, rule);
  return { principal: bill.principal, months, fine, total: assertRupiah(bill.principal + fine, 'total') };
}
