// Kept only while the review, storefront and vendor-portal schemas still import from here.
export * from "../../schemas/survey";
