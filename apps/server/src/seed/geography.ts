/**
 * Just enough real geography for believable seed addresses: per prefecture
 * (JIS code) its 2020 census population in thousands, which weights how many
 * facilities it gets, and a few of its municipalities with the first three
 * digits of their postcodes and their telephone area code, so that an address
 * in 世田谷区 carries a 154- postcode and an 03 number. The prefecture names
 * themselves come from @sos/domain.
 */

export interface City {
  /** As written after the prefecture in an address: 「世田谷区」「横浜市中区」. */
  name: string;
  /** For e-mail domains of the facilities named after the place. */
  romaji: string;
  /** First three digits of the municipality's postcodes. */
  postcodePrefix: string;
  /** Telephone area code including the trunk 0 (市外局番). */
  areaCode: string;
}

export interface PrefectureGeography {
  code: number;
  populationThousands: number;
  cities: readonly City[];
}

type CityRow = readonly [name: string, romaji: string, postcodePrefix: string, areaCode: string];

function prefecture(
  code: number,
  populationThousands: number,
  rows: readonly CityRow[],
): PrefectureGeography {
  return {
    code,
    populationThousands,
    cities: rows.map(([name, romaji, postcodePrefix, areaCode]) => ({
      name,
      romaji,
      postcodePrefix,
      areaCode,
    })),
  };
}

/** In JIS X 0401 order, so the index is code - 1 (checked by the seed tests). */
export const GEOGRAPHY: readonly PrefectureGeography[] = [
  prefecture(1, 5225, [
    ["札幌市中央区", "sapporo", "060", "011"],
    ["札幌市北区", "sapporo-kita", "001", "011"],
    ["札幌市豊平区", "toyohira", "062", "011"],
    ["旭川市", "asahikawa", "070", "0166"],
    ["函館市", "hakodate", "040", "0138"],
    ["釧路市", "kushiro", "085", "0154"],
    ["帯広市", "obihiro", "080", "0155"],
  ]),
  prefecture(2, 1238, [
    ["青森市", "aomori", "030", "017"],
    ["八戸市", "hachinohe", "031", "0178"],
    ["弘前市", "hirosaki", "036", "0172"],
  ]),
  prefecture(3, 1211, [
    ["盛岡市", "morioka", "020", "019"],
    ["一関市", "ichinoseki", "021", "0191"],
    ["奥州市", "oshu", "023", "0197"],
  ]),
  prefecture(4, 2302, [
    ["仙台市青葉区", "sendai", "980", "022"],
    ["仙台市泉区", "izumi", "981", "022"],
    ["石巻市", "ishinomaki", "986", "0225"],
    ["大崎市", "osaki", "989", "0229"],
  ]),
  prefecture(5, 960, [
    ["秋田市", "akita", "010", "018"],
    ["横手市", "yokote", "013", "0182"],
    ["大館市", "odate", "017", "0186"],
  ]),
  prefecture(6, 1068, [
    ["山形市", "yamagata", "990", "023"],
    ["鶴岡市", "tsuruoka", "997", "0235"],
    ["米沢市", "yonezawa", "992", "0238"],
  ]),
  prefecture(7, 1833, [
    ["福島市", "fukushima", "960", "024"],
    ["郡山市", "koriyama", "963", "024"],
    ["いわき市", "iwaki", "970", "0246"],
  ]),
  prefecture(8, 2867, [
    ["水戸市", "mito", "310", "029"],
    ["つくば市", "tsukuba", "305", "029"],
    ["日立市", "hitachi", "317", "0294"],
    ["土浦市", "tsuchiura", "300", "029"],
  ]),
  prefecture(9, 1933, [
    ["宇都宮市", "utsunomiya", "320", "028"],
    ["小山市", "oyama", "323", "0285"],
    ["足利市", "ashikaga", "326", "0284"],
  ]),
  prefecture(10, 1939, [
    ["前橋市", "maebashi", "371", "027"],
    ["高崎市", "takasaki", "370", "027"],
    ["太田市", "ota", "373", "0276"],
  ]),
  prefecture(11, 7345, [
    ["さいたま市浦和区", "urawa", "330", "048"],
    ["さいたま市大宮区", "omiya", "330", "048"],
    ["川越市", "kawagoe", "350", "049"],
    ["川口市", "kawaguchi", "332", "048"],
    ["所沢市", "tokorozawa", "359", "04"],
    ["越谷市", "koshigaya", "343", "048"],
    ["草加市", "soka", "340", "048"],
    ["熊谷市", "kumagaya", "360", "048"],
  ]),
  prefecture(12, 6284, [
    ["千葉市中央区", "chiba", "260", "043"],
    ["船橋市", "funabashi", "273", "047"],
    ["柏市", "kashiwa", "277", "04"],
    ["松戸市", "matsudo", "271", "047"],
    ["市川市", "ichikawa", "272", "047"],
    ["浦安市", "urayasu", "279", "047"],
    ["成田市", "narita", "286", "0476"],
  ]),
  prefecture(13, 14048, [
    ["千代田区", "chiyoda", "101", "03"],
    ["中央区", "chuo", "104", "03"],
    ["港区", "minato", "106", "03"],
    ["新宿区", "shinjuku", "160", "03"],
    ["文京区", "bunkyo", "113", "03"],
    ["台東区", "taito", "110", "03"],
    ["墨田区", "sumida", "130", "03"],
    ["江東区", "koto", "135", "03"],
    ["品川区", "shinagawa", "141", "03"],
    ["目黒区", "meguro", "153", "03"],
    ["大田区", "ota", "144", "03"],
    ["世田谷区", "setagaya", "154", "03"],
    ["渋谷区", "shibuya", "150", "03"],
    ["中野区", "nakano", "164", "03"],
    ["杉並区", "suginami", "166", "03"],
    ["豊島区", "toshima", "170", "03"],
    ["北区", "kita", "114", "03"],
    ["板橋区", "itabashi", "173", "03"],
    ["練馬区", "nerima", "176", "03"],
    ["足立区", "adachi", "120", "03"],
    ["葛飾区", "katsushika", "124", "03"],
    ["江戸川区", "edogawa", "132", "03"],
    ["八王子市", "hachioji", "192", "042"],
    ["立川市", "tachikawa", "190", "042"],
    ["武蔵野市", "musashino", "180", "0422"],
    ["三鷹市", "mitaka", "181", "0422"],
    ["府中市", "fuchu", "183", "042"],
    ["調布市", "chofu", "182", "042"],
    ["町田市", "machida", "194", "042"],
    ["日野市", "hino", "191", "042"],
    ["西東京市", "nishitokyo", "202", "042"],
  ]),
  prefecture(14, 9237, [
    ["横浜市中区", "yokohama", "231", "045"],
    ["横浜市港北区", "kohoku", "222", "045"],
    ["横浜市青葉区", "aoba", "225", "045"],
    ["横浜市戸塚区", "totsuka", "244", "045"],
    ["川崎市川崎区", "kawasaki", "210", "044"],
    ["川崎市中原区", "nakahara", "211", "044"],
    ["相模原市中央区", "sagamihara", "252", "042"],
    ["藤沢市", "fujisawa", "251", "0466"],
    ["横須賀市", "yokosuka", "238", "046"],
    ["平塚市", "hiratsuka", "254", "0463"],
    ["厚木市", "atsugi", "243", "046"],
  ]),
  prefecture(15, 2201, [
    ["新潟市中央区", "niigata", "951", "025"],
    ["長岡市", "nagaoka", "940", "0258"],
    ["上越市", "joetsu", "943", "025"],
  ]),
  prefecture(16, 1035, [
    ["富山市", "toyama", "930", "076"],
    ["高岡市", "takaoka", "933", "0766"],
  ]),
  prefecture(17, 1133, [
    ["金沢市", "kanazawa", "920", "076"],
    ["小松市", "komatsu", "923", "0761"],
    ["白山市", "hakusan", "924", "076"],
  ]),
  prefecture(18, 767, [
    ["福井市", "fukui", "910", "0776"],
    ["敦賀市", "tsuruga", "914", "0770"],
  ]),
  prefecture(19, 810, [
    ["甲府市", "kofu", "400", "055"],
    ["富士吉田市", "fujiyoshida", "403", "0555"],
  ]),
  prefecture(20, 2048, [
    ["長野市", "nagano", "380", "026"],
    ["松本市", "matsumoto", "390", "0263"],
    ["上田市", "ueda", "386", "0268"],
  ]),
  prefecture(21, 1979, [
    ["岐阜市", "gifu", "500", "058"],
    ["大垣市", "ogaki", "503", "0584"],
    ["各務原市", "kakamigahara", "504", "058"],
  ]),
  prefecture(22, 3633, [
    ["静岡市葵区", "shizuoka", "420", "054"],
    ["浜松市中央区", "hamamatsu", "430", "053"],
    ["沼津市", "numazu", "410", "055"],
    ["富士市", "fuji", "416", "0545"],
  ]),
  prefecture(23, 7542, [
    ["名古屋市中区", "nagoya", "460", "052"],
    ["名古屋市千種区", "chikusa", "464", "052"],
    ["名古屋市中村区", "nakamura", "453", "052"],
    ["名古屋市昭和区", "showa", "466", "052"],
    ["豊田市", "toyota", "471", "0565"],
    ["岡崎市", "okazaki", "444", "0564"],
    ["豊橋市", "toyohashi", "440", "0532"],
    ["一宮市", "ichinomiya", "491", "0586"],
    ["春日井市", "kasugai", "486", "0568"],
  ]),
  prefecture(24, 1770, [
    ["津市", "tsu", "514", "059"],
    ["四日市市", "yokkaichi", "510", "059"],
    ["鈴鹿市", "suzuka", "513", "059"],
  ]),
  prefecture(25, 1414, [
    ["大津市", "otsu", "520", "077"],
    ["草津市", "kusatsu", "525", "077"],
    ["彦根市", "hikone", "522", "0749"],
  ]),
  prefecture(26, 2578, [
    ["京都市中京区", "kyoto", "604", "075"],
    ["京都市左京区", "sakyo", "606", "075"],
    ["京都市伏見区", "fushimi", "612", "075"],
    ["宇治市", "uji", "611", "0774"],
    ["福知山市", "fukuchiyama", "620", "0773"],
  ]),
  prefecture(27, 8838, [
    ["大阪市北区", "umeda", "530", "06"],
    ["大阪市中央区", "osaka", "541", "06"],
    ["大阪市天王寺区", "tennoji", "543", "06"],
    ["大阪市淀川区", "yodogawa", "532", "06"],
    ["大阪市阿倍野区", "abeno", "545", "06"],
    ["大阪市住吉区", "sumiyoshi", "558", "06"],
    ["堺市堺区", "sakai", "590", "072"],
    ["堺市北区", "sakai-kita", "591", "072"],
    ["東大阪市", "higashiosaka", "577", "06"],
    ["豊中市", "toyonaka", "560", "06"],
    ["吹田市", "suita", "564", "06"],
    ["高槻市", "takatsuki", "569", "072"],
    ["枚方市", "hirakata", "573", "072"],
    ["茨木市", "ibaraki", "567", "072"],
    ["八尾市", "yao", "581", "072"],
    ["寝屋川市", "neyagawa", "572", "072"],
    ["岸和田市", "kishiwada", "596", "072"],
  ]),
  prefecture(28, 5465, [
    ["神戸市中央区", "kobe", "650", "078"],
    ["神戸市東灘区", "higashinada", "658", "078"],
    ["姫路市", "himeji", "670", "079"],
    ["西宮市", "nishinomiya", "662", "0798"],
    ["尼崎市", "amagasaki", "660", "06"],
    ["明石市", "akashi", "673", "078"],
  ]),
  prefecture(29, 1324, [
    ["奈良市", "nara", "630", "0742"],
    ["橿原市", "kashihara", "634", "0744"],
    ["生駒市", "ikoma", "630", "0743"],
  ]),
  prefecture(30, 923, [
    ["和歌山市", "wakayama", "640", "073"],
    ["田辺市", "tanabe", "646", "0739"],
  ]),
  prefecture(31, 553, [
    ["鳥取市", "tottori", "680", "0857"],
    ["米子市", "yonago", "683", "0859"],
  ]),
  prefecture(32, 671, [
    ["松江市", "matsue", "690", "0852"],
    ["出雲市", "izumo", "693", "0853"],
  ]),
  prefecture(33, 1888, [
    ["岡山市北区", "okayama", "700", "086"],
    ["倉敷市", "kurashiki", "710", "086"],
    ["津山市", "tsuyama", "708", "0868"],
  ]),
  prefecture(34, 2800, [
    ["広島市中区", "hiroshima", "730", "082"],
    ["広島市安佐南区", "asaminami", "731", "082"],
    ["福山市", "fukuyama", "720", "084"],
    ["呉市", "kure", "737", "0823"],
  ]),
  prefecture(35, 1342, [
    ["山口市", "yamaguchi", "753", "083"],
    ["下関市", "shimonoseki", "750", "083"],
    ["宇部市", "ube", "755", "0836"],
  ]),
  prefecture(36, 720, [
    ["徳島市", "tokushima", "770", "088"],
    ["阿南市", "anan", "774", "0884"],
  ]),
  prefecture(37, 950, [
    ["高松市", "takamatsu", "760", "087"],
    ["丸亀市", "marugame", "763", "0877"],
  ]),
  prefecture(38, 1335, [
    ["松山市", "matsuyama", "790", "089"],
    ["今治市", "imabari", "794", "0898"],
    ["新居浜市", "niihama", "792", "0897"],
  ]),
  prefecture(39, 692, [
    ["高知市", "kochi", "780", "088"],
    ["南国市", "nankoku", "783", "088"],
  ]),
  prefecture(40, 5135, [
    ["福岡市博多区", "hakata", "812", "092"],
    ["福岡市中央区", "fukuoka", "810", "092"],
    ["福岡市東区", "fukuoka-higashi", "813", "092"],
    ["北九州市小倉北区", "kokura", "802", "093"],
    ["久留米市", "kurume", "830", "0942"],
    ["飯塚市", "iizuka", "820", "0948"],
  ]),
  prefecture(41, 811, [
    ["佐賀市", "saga", "840", "0952"],
    ["唐津市", "karatsu", "847", "0955"],
  ]),
  prefecture(42, 1312, [
    ["長崎市", "nagasaki", "850", "095"],
    ["佐世保市", "sasebo", "857", "0956"],
  ]),
  prefecture(43, 1738, [
    ["熊本市中央区", "kumamoto", "860", "096"],
    ["八代市", "yatsushiro", "866", "0965"],
  ]),
  prefecture(44, 1124, [
    ["大分市", "oita", "870", "097"],
    ["別府市", "beppu", "874", "0977"],
  ]),
  prefecture(45, 1070, [
    ["宮崎市", "miyazaki", "880", "0985"],
    ["都城市", "miyakonojo", "885", "0986"],
  ]),
  prefecture(46, 1588, [
    ["鹿児島市", "kagoshima", "890", "099"],
    ["霧島市", "kirishima", "899", "0995"],
  ]),
  prefecture(47, 1467, [
    ["那覇市", "naha", "900", "098"],
    ["沖縄市", "okinawa", "904", "098"],
    ["浦添市", "urasoe", "901", "098"],
  ]),
];

export function geographyOf(code: number): PrefectureGeography {
  const geography = GEOGRAPHY[code - 1];
  if (geography?.code !== code) throw new RangeError(`no seed geography for prefecture ${code}`);
  return geography;
}

/** Common town names (町名) that exist in many municipalities. */
export const TOWN_NAMES: readonly string[] = [
  "本町",
  "中央",
  "栄町",
  "緑町",
  "旭町",
  "幸町",
  "桜木町",
  "東町",
  "西町",
  "南町",
  "北町",
  "若葉",
  "日の出町",
  "末広町",
  "昭和町",
  "駅前",
  "新町",
  "元町",
  "錦町",
  "宮前",
  "松が丘",
  "緑が丘",
  "富士見町",
  "青葉台",
  "山手町",
  "港町",
  "泉町",
  "寿町",
  "柳町",
  "桜町",
  "常盤町",
  "住吉町",
  "平和町",
  "春日町",
  "八幡町",
  "天神町",
  "清水町",
  "花園町",
];
