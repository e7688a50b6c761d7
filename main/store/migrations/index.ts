// The app's schema migrations, in order. Never edit a released migration: add the next one.
import type { Migration } from '../types';
import { migration001 } from './001_init';
import { migration002 } from './002_billing';
import { migration003 } from './003_counter';
import { migration004 } from './004_outbox';
import { migration005 } from './005_master_sync';
import { migration006 } from './006_covering_index';
import { migration007 } from './007_bills_by_idpel';
import { migration008 } from './008_payment_ends';
import { migration009 } from './009_bill_coverage';
import { migration010 } from './010_open_bills';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];
