/**
 * vitest 5 calls a few built-ins that Node 20 lacks (its own engines field says Node >= 22). Without them a failing
 * test crashes the reporter ("Map.groupBy is not a function") instead of printing the failure. Imported by
 * vitest.config.ts, which vitest loads in its main process before reporting. No-op on Node >= 22.
 */

/**
 * @template T, K
 * @param {Iterable<T>} items
 * @param {(item: T, index: number) => K} keyOf
 * @returns {Array<[K, T[]]>}
 */
function groupEntries(items, keyOf) {
  /** @type {Map<K, T[]>} */
  const groups = new Map();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups];
}

if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value: (items, keyOf) => new Map(groupEntries(items, keyOf)),
  });
}
if (typeof Object.groupBy !== 'function') {
  Object.defineProperty(Object, 'groupBy', {
    configurable: true,
    writable: true,
    value: (items, keyOf) => Object.assign(Object.create(null), Object.fromEntries(groupEntries(items, keyOf))),
  });
}
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
