import type { RefShareDB } from '@/lib/db/schema';

/**
 * A full disk, made to order: from the `after`-th write on (counting from 0 after `fill()`), IndexedDB answers
 * with the browser's QuotaExceededError, as Chromium does when the origin's quota is used up.
 */
export function withQuota(db: RefShareDB) {
  let writes = 0;
  let failFrom = Number.POSITIVE_INFINITY;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (writes++ >= failFrom) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    fill(after = 0) {
      writes = 0;
      failFrom = after;
    },
    free() {
      failFrom = Number.POSITIVE_INFINITY;
    },
    /** Writes since the last `fill` or `count`. */
    count() {
      const n = writes;
      writes = 0;
      return n;
    },
  };
}
