// Kept only while the review schemas still import from here.
export * from "../../schemas/sos";
