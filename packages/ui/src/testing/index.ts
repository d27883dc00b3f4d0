export { contrastRatio } from "./contrast";
export { errorDescription } from "./description";
