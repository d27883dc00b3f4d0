export { preloadDeclaredPages } from "../lazy-page";
export { findVisible } from "./find-visible";
export {
  type ApiFixtures,
  type FixtureCall,
  FixtureError,
  type FixtureErrorOptions,
} from "./fixture-client";
export { Screen, type ScreenProps } from "./screen";
