// Whether a bill is still open is derived, never stored: a bill is open while no live payment
// (one without a void) covers it. Later kinds of closing (batal, dihapuskan) join here.

/** SQL condition, true when the bill aliased `b` is open */
export function openBillCondition(alias = 'b'): string {
  return `NOT EXISTS (SELECT 1 FROM payment_items pi_ WHERE pi_.bill_id = ${alias}.id
    AND NOT EXISTS (SELECT 1 FROM payment_voids pv_ WHERE pv_.payment_id = pi_.payment_id))`;
}
