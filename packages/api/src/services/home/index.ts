export { type HomeSummary, homeSummary } from "./summary";
