export {
  type ApiFixtures,
  createFixtureClient,
  type FixtureCall,
  type FixtureClient,
  FixtureError,
  type FixtureErrorOptions,
} from "./fixture-client";
export { Screen, type ScreenProps } from "./screen";
