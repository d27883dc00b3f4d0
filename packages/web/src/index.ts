export {
  ACTING_FOR_HEADER,
  type ActingFor,
  chooseActingFor,
  readActingFor,
} from "./acting-for";
export {
  type AppNavItem,
  type LazyPage,
  type PublicFrame,
  type SosAppContextValue,
  type SosAppDefinition,
  useSosApp,
} from "./app-definition";
export {
  APP_IDS,
  APP_NAMES_JA,
  APP_OF_ROLE,
  type AppId,
  appHref,
  rolesOfApp,
  SERVICE_DESCRIPTION_JA,
  SERVICE_NAME,
} from "./apps";
export { PageTitle } from "./components/page-title";
export { type UpcomingFeature, UpcomingFeatures } from "./components/upcoming-features";
export {
  domainErrorCode,
  ERROR_MESSAGES,
  errorMessageJa,
  fieldErrorsOf,
  isNetworkError,
  isUnauthorized,
  trpcErrorCode,
} from "./errors";
export { formFieldErrors } from "./field-errors";
export { lazyPage } from "./lazy-page";
export { BackLink } from "./page/back-link";
export { LoadFailed, Loading } from "./page/query-status";
export { SosProviders, type SosProvidersProps } from "./providers";
export { createQueryClient, type QueryClientOptions } from "./query-client";
export { createSosRoutes } from "./routes";
export { KEEP_FOCUS_STATE } from "./routing/root-layout";
export { RouterLinkButton, type RouterLinkButtonProps } from "./routing/router-link-button";
export { signInPathFor } from "./session/next-path";
export {
  type SignedInUser,
  useOptionalSignedInUser,
  useSignedInUser,
} from "./session/signed-in-user";
export { userDetailJa } from "./session/user-detail";
export { type MountOptions, mountSosApp } from "./sos-app";
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  TRPC_URL,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
} from "./trpc";
