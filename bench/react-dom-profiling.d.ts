// react-dom/profiling: production React DOM with <Profiler> timings kept (no types of its own).
declare module 'react-dom/profiling' {
  export * from 'react-dom/client';
}
