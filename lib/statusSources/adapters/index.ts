import type { ProgramId } from '@/lib/referral/types';
import { aliexpressAdapter } from './aliexpress';
import { temuAdapter } from './temu';
import type { PageAdapter } from './types';

/** Page adapters by program id: one per built-in program (tests check none is missing). */
export const PAGE_ADAPTERS: Readonly<Record<ProgramId, PageAdapter>> = {
  aliexpress: aliexpressAdapter,
  temu: temuAdapter,
};
