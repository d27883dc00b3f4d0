import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom has no layout, so no scrolling; react-router's ScrollRestoration calls it.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
});
