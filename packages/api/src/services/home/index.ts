export { homeSummary } from "./summary";
