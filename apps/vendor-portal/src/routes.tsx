import { type AppNavItem, lazyPage } from "@sos/web";
import type { RouteObject } from "react-router";
import { PATHS } from "./paths";

/** The back office's menu, in the order of the work: list → links → orders → stock. */
export const NAV: readonly AppNavItem[] = [
  { to: PATHS.home, label: "ホーム", end: true },
  { to: PATHS.targetLists, label: "対象医療機関リスト" },
  { to: PATHS.registrations, label: "施設登録" },
  { to: PATHS.orders, label: "注文・出荷" },
  { to: PATHS.products, label: "商品・在庫" },
];

// Each page is its own chunk, fetched on its first visit (see lazyPage): a facility
// on the storefront never downloads the back office.
export const HOME = lazyPage(() => import("./home/home-page"), "HomePage");

export const ROUTES: RouteObject[] = [
  {
    path: PATHS.targetLists,
    ...lazyPage(() => import("./target-lists/batches-page"), "BatchesPage"),
  },
  {
    path: "/target-lists/:batchId",
    ...lazyPage(() => import("./target-lists/batch-page"), "BatchPage"),
  },
  {
    path: PATHS.registrations,
    ...lazyPage(() => import("./registrations/registrations-page"), "RegistrationsPage"),
  },
  { path: PATHS.orders, ...lazyPage(() => import("./orders/orders-page"), "OrdersPage") },
  { path: PATHS.products, ...lazyPage(() => import("./products/products-page"), "ProductsPage") },
];

/** The storefront: facilities register and buy through their emailed link, signed out. */
export const PUBLIC_ROUTES: RouteObject[] = [
  { path: PATHS.register, ...lazyPage(() => import("./storefront/register-page"), "RegisterPage") },
  {
    path: "/register/confirm/:token",
    ...lazyPage(() => import("./storefront/confirm-registration-page"), "ConfirmRegistrationPage"),
  },
  {
    path: "/purchase/:token",
    ...lazyPage(() => import("./storefront/purchase-page"), "PurchasePage"),
  },
];
