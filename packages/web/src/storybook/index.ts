export { preloadDeclaredPages } from "../lazy-page";
export {
  type ApiFixtures,
  type FixtureCall,
  FixtureError,
  type FixtureErrorOptions,
} from "./fixture-client";
export { Screen, type ScreenProps } from "./screen";
