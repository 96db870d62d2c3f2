// autocannon ships no types; the benchmark uses its callback API with plain option objects.
declare module 'autocannon' {
  function autocannon(opts: Record<string, unknown>, cb: (err: Error | null, result: never) => void): { stop(): void };
  export default autocannon;
}
