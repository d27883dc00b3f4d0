// Kept only while services/review (detail.ts, record.ts) still imports these from here.
export { activeSanctions } from "@sos/db/repositories/institution";
export { insertHistory, listHistory } from "@sos/db/repositories/sos-request";
