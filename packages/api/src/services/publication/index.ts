export { PUBLICATION_CSV_HEADER, type PublicationCsv, publicationCsv } from "./publication";
