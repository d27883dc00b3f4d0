import { ALLOCATION_RULE_VERSION } from "./allocation-types";

/**
 * The allocation rule as the public page shows it (Markdown), Japanese first.
 * It must say exactly what allocate() does: a change to one is a change to
 * the other and to ALLOCATION_RULE_VERSION. The parameters are named, not
 * written in, since the ministry may change them (with a reason) per week.
 */
export const ALLOCATION_RULE_TEXT_JA = `# 供給が不足した週の割当ルール（${ALLOCATION_RULE_VERSION}）

各週・各サイズについて、国が入力したその週の供給セット数（1セット＝1,000枚）を、承認済みの緊急配布要請に割り当てます。

## 需要が供給以内のとき
サイズごとの要望セット数の合計が供給以内なら、すべての要請に要望どおり割り当てます（従来と同じです）。

## 需要が供給を超えるとき
1. **順位（ティア）**: パラメータ「ティアの順序」に従って順位を決めます。
   - 協定: 供給協定のある医療機関が先、ない医療機関が後。
   - 在庫週数: 在庫量 ÷（1週間の想定消費量 − 1週間の購入見込み量）が短い帯が先。帯の境目はパラメータ「在庫週数の帯」（例: 1週・2週 → 「1週未満」「2週未満」「それ以外」）。消費が購入を上回らない場合は最後の帯です。
   - 複数の基準は、先に書かれた基準を優先します（例: 協定あり・1週未満 → 協定あり・2週未満 → … → 協定なし・それ以外）。
2. **必要量**: （1週間の想定消費量 − 1週間の購入見込み量）×（基準週数 − 在庫週数）＝（消費 − 購入）× 基準週数 − 在庫量（枚、0未満は0）。基準週数はパラメータ（既定4週＝要配布条件と同じ）。
3. **まず1セットずつ**: 供給が続く限り、すべての要請に1セットずつ割り当てます。上位の順位から順に行い、途中の順位で足りなくなった場合はその順位の中で抽選します。
4. **残りを順位順に**: 残りのセットを上位の順位から割り当てます。順位内の要望をすべて満たせる場合は満たし、次の順位へ進みます。満たせない順位では、残りを**必要量に比例**して分けます（必要量0は1枚とみなします）。要望数を上限とし、比例配分で上限を超える要請には上限まで割り当て、残りを他の要請で比例配分し直します。
5. **端数**: 比例配分の値を切り捨てた後に余るセットは、端数の大きい順に1セットずつ割り当てます（最大剰余方式）。端数が等しい場合は抽選です。
6. **上限**: 割当は要請ごと・サイズごとの要望数を超えず、要望の合計は承認された購入上限数以下です。

## 抽選
抽選番号は、次の文字列（UTF-8、区切りは改行 LF）の SHA-256 を16進数で表した値で、**小さい番号が当選**です。

    ${ALLOCATION_RULE_VERSION}
    <シード>
    <サイズ>
    <要請コード>

シードは締切前に決めます。締切前にシードの SHA-256 を公開し、締切後にシード自体を公開します。公開されたシードの SHA-256 が事前に公開した値と一致することを、誰でも確かめられます。

## 再計算の方法
公開ページから、その週の入力ファイル（供給、要請ごとの仮名コード・協定の有無・在庫量・消費量・購入見込み量・上限・サイズ別要望、パラメータ、シード）と結果ファイルをダウンロードできます。上のルールで計算し、キーを並べ替えた空白なしの JSON（正規化 JSON）にすると、結果ファイルとバイト単位で一致します。参照実装は \`packages/rules/src/allocation.ts\` の \`allocate\` です。抽選番号は例えば次のコマンドで確かめられます:

    printf '${ALLOCATION_RULE_VERSION}\\n%s\\n%s\\n%s' シード M 要請コード | sha256sum
`;

export const ALLOCATION_RULE_TEXT_EN = `# Allocation rule for weeks when gloves run short (${ALLOCATION_RULE_VERSION})

For each week and size, the sets available that week (stated by the ministry; 1 set = 1,000 pieces) are allocated among the approved emergency requests.

## When demand fits
If the sets asked for in a size add up to no more than the supply, every request gets what it asked for (as before).

## When demand exceeds supply
1. **Tiers**, in the order of the parameter "tier order":
   - supply agreement: institutions under a supply agreement first;
   - weeks of cover: stock ÷ (weekly consumption − weekly purchases), shorter bands first; the band limits are the parameter "cover bands" (e.g. 1 and 2 weeks → under 1 week, under 2 weeks, the rest); when purchases cover consumption, the last band.
   - With several criteria, the first listed decides first.
2. **Need**: (weekly consumption − weekly purchases) × (threshold weeks − weeks of cover) = (consumption − purchases) × threshold − stock, in pieces, at least 0. The threshold is a parameter (default 4 weeks, as in the eligibility rule).
3. **One set each first**: while the supply lasts, every request gets one set, tier by tier; in the tier where it runs out, by lottery.
4. **The rest by tier**: a tier whose remaining asks fit gets them in full and the next tier follows; the first tier that does not fit shares what is left **in proportion to need** (a need of 0 counts as 1 piece), never above a request's ask: a request whose share would pass its ask gets its ask, and the rest is shared again among the others.
5. **Rounding**: shares are rounded down; the sets left over go one each to the largest remainders (largest-remainder method); equal remainders at the boundary are decided by lottery.
6. **Limits**: no request gets more than it asked for in a size, and its asks add up to at most its approved purchase limit.

## Lottery
A request's lottery number for a size is the SHA-256, in hex, of this UTF-8 text (lines joined by LF); **the smaller number wins**:

    ${ALLOCATION_RULE_VERSION}
    <seed>
    <size>
    <request code>

The seed is fixed before the cutoff: its SHA-256 is published before the cutoff and the seed itself after it, so anyone can check that the seed was not changed.

## How to recompute
The public page offers the week's input file (supply; per request its pseudonymous code, supply agreement, stock, consumption, purchases, limit and sets asked per size; the parameters; the seed) and the result file. Applying the rule above and writing the result as canonical JSON (keys sorted, no whitespace) gives the result file byte for byte. The reference implementation is \`allocate\` in \`packages/rules/src/allocation.ts\`. A lottery number can be checked with e.g.

    printf '${ALLOCATION_RULE_VERSION}\\n%s\\n%s\\n%s' SEED M CODE | sha256sum
`;
