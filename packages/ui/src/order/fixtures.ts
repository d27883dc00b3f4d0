import type { OrderView } from "./types";

/** Sample data for the order stories. */

const DELIVERY = {
  name: "医療法人社団　緑風会　みどりが丘記念病院",
  postcode: "1000001",
  address: "東京都千代田区千代田1-1 みどりが丘メディカルビル3階",
  phone: "0312345678",
};

export const ORDER: OrderView = {
  orderNumber: "SOS-2026-000123",
  orderedAt: "2026-12-04T01:30:00.000Z",
  status: "ordered",
  totalSets: 3,
  totalPieces: 3000,
  lines: [
    { size: "S", sizeLabel: "Sサイズ", sets: 2, pieces: 2000 },
    { size: "M", sizeLabel: "Mサイズ", sets: 1, pieces: 1000 },
  ],
  delivery: DELIVERY,
  paymentMethodLabel: "銀行振込",
  shipment: null,
};
