import type { AppRouter } from "@sos/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** What the API's procedures return, as the browser receives them (instants as ISO strings). */
type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type PurchasePageData = Outputs["storefront"]["purchasePage"];
export type PurchaseFormPage = Extract<PurchasePageData, { kind: "form" }>;
export type PurchaseInput = Inputs["storefront"]["purchase"];
export type DeliveryDetails = PurchaseFormPage["delivery"];
export type PaymentMethodOption = PurchaseFormPage["paymentMethods"][number];
export type PurchaseSizeOption = NonNullable<PurchaseFormPage["product"]>["sizes"][number];
export type RegistrationReceipt = Outputs["storefront"]["register"];
export type RegistrationOptions = Outputs["storefront"]["registrationOptions"];
export type RegistrationConfirmation = Outputs["storefront"]["registrationConfirmation"];
export type ConfirmedRegistration = Outputs["storefront"]["confirmRegistration"];

export type BatchSummary = Outputs["vendorPortal"]["batches"][number];
export type BatchDetail = Outputs["vendorPortal"]["batch"];
export type VendorItem = BatchDetail["items"][number];
export type RunProgress = NonNullable<Outputs["vendorPortal"]["sendProgress"]>;
export type LinkState = VendorItem["link"]["state"];
export type MatchStatusCode = VendorItem["match"]["status"];

export type RegistrationRow = Outputs["vendorPortal"]["registrations"]["items"][number];
export type ImportResult = Outputs["vendorPortal"]["importRegistrations"];

export type VendorOrderPage = Outputs["vendorPortal"]["orders"];
export type VendorOrder = VendorOrderPage["items"][number];
export type PickingTotals = Outputs["vendorPortal"]["pickingTotals"];

export type Product = Outputs["vendorPortal"]["products"][number];
export type ProductSize = Product["sizes"][number];
