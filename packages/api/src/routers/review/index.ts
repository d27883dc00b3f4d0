export { publicationRouter } from "./publication";
export { reviewRouter } from "./review";
export { sanctionsRouter } from "./sanctions";
export { targetListRouter } from "./target-list";
