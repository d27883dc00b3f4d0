export { reviewRouter } from "./review";
