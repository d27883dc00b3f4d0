import type { AppNavItem } from "@sos/web";
import type { RouteObject } from "react-router";
import { OrdersPage } from "./orders/orders-page";
import { PATHS } from "./paths";
import { ProductsPage } from "./products/products-page";
import { RegistrationsPage } from "./registrations/registrations-page";
import { ConfirmRegistrationPage } from "./storefront/confirm-registration-page";
import { PurchasePage } from "./storefront/purchase-page";
import { RegisterPage } from "./storefront/register-page";
import { BatchPage } from "./target-lists/batch-page";
import { BatchesPage } from "./target-lists/batches-page";

/** The back office's menu, in the order of the work: list → links → orders → stock. */
export const NAV: readonly AppNavItem[] = [
  { to: PATHS.home, label: "ホーム", end: true },
  { to: PATHS.targetLists, label: "対象医療機関リスト" },
  { to: PATHS.registrations, label: "施設登録" },
  { to: PATHS.orders, label: "注文・出荷" },
  { to: PATHS.products, label: "商品・在庫" },
];

export const ROUTES: RouteObject[] = [
  { path: PATHS.targetLists, element: <BatchesPage /> },
  { path: "/target-lists/:batchId", element: <BatchPage /> },
  { path: PATHS.registrations, element: <RegistrationsPage /> },
  { path: PATHS.orders, element: <OrdersPage /> },
  { path: PATHS.products, element: <ProductsPage /> },
];

/** The storefront: facilities register and buy through their emailed link, signed out. */
export const PUBLIC_ROUTES: RouteObject[] = [
  { path: PATHS.register, element: <RegisterPage /> },
  { path: "/register/confirm/:token", element: <ConfirmRegistrationPage /> },
  { path: "/purchase/:token", element: <PurchasePage /> },
];
