// Shared test setup: component tests opt into jsdom with a `@vitest-environment jsdom` comment.
export {};
