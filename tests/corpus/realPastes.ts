import type { LinkRefusalReason } from '@/lib/referral/types';

/**
 * What people really paste: links and whole copied messages of AliExpress and Temu, each verbatim from the public
 * source named beside it (GitHub issues and files, pastes; "search-index id N" is a public GitHub file the exact-text
 * search returned without its repository: a distinctive phrase of the input finds it again). `seenAs` is what the
 * text around it in the source says the link is; `links` or `refused` is what RefShare must do with it. Where the two
 * differ the link alone cannot tell (a bare short link of a product or a game is accepted: see the programs' notes).
 * Gathered for issue 12; nothing here was written by the team.
 */
export interface RealPaste {
  input: string;
  source: string;
  seenAs: 'invite' | 'product' | 'affiliate' | 'game' | 'other';
  /** The invite links RefShare finds, exactly as written in the input. */
  links?: string[];
  /** Or why it finds none. */
  refused?: LinkRefusalReason;
}

export const REAL_PASTES: RealPaste[] = [
  {
    input:
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fsale.aliexpress.com%2Freferral_register_success.htm%3FinvitationCode%3DK0I5RzQ4akJ5QzNoV2ViMmpnamF4dkJoK3pQTG1jbmtLODBQVDcyQk45Y0ZWR0phL0VQb1dnPT0%26invitationScenario%3DsocialFission%26mb%3Do5ewodaxoQRG8pX%26srcSns%3DCopy%26tid%3Dold_bring_x_101%26businessType%3DsocialFission&image=H78836f65c5ce470ab86e4b5c8a2b42ad5.jpg&businessType=socialFission&templateId=old_bring_x_101&title=GREAT%20NEWS!%20UP%20TO%20US%20%2424%20IN%20COUPONS!',
    source:
      'github TechieQian/chiffon src/data/sponsors.ts (same URL in indexed file versions: search-index ids 2401478128, 2405813209, 2840465091, 2486183851)',
    seenAs: 'invite',
    links: [
      'https://star.aliexpress.com/share/share.htm?redirectUrl=https%3A%2F%2Fsale.aliexpress.com%2Freferral_register_success.htm%3FinvitationCode%3DK0I5RzQ4akJ5QzNoV2ViMmpnamF4dkJoK3pQTG1jbmtLODBQVDcyQk45Y0ZWR0phL0VQb1dnPT0%26invitationScenario%3DsocialFission%26mb%3Do5ewodaxoQRG8pX%26srcSns%3DCopy%26tid%3Dold_bring_x_101%26businessType%3DsocialFission&image=H78836f65c5ce470ab86e4b5c8a2b42ad5.jpg&businessType=socialFission&templateId=old_bring_x_101&title=GREAT%20NEWS!%20UP%20TO%20US%20%2424%20IN%20COUPONS!',
    ],
  },
  {
    input: 'INAZ9RUS',
    source: 'github TechieQian/chiffon src/data/sponsors.ts',
    seenAs: 'invite',
    links: ['INAZ9RUS'],
  },
  {
    input:
      'https://star.aliexpress.com/share/share.htm?image=U072fee8f59ee43c3995a84eef1e75739R.jpg&businessType=ProductDetail&title=THB%2029.42%20%2016%EF%BC%85%20Off%20%7C%20WAVGAT%20GY-302%20GY-30%20BH1750%20BH1750FVI%20The%20digital%20optical%20intensity%20illumination%20sensor%20BH1750FVI%20of%20module%20for%20arduino%203V-5V&platform=AE&redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F4000587263111.html%3F%26srcSns%3Dsns_Copy%26tid%3Dwhite_backgroup_101%26mb%3D78kQwy972NDwX2N%26businessType%3DProductDetail%26spreadType%3DsocialShare',
    source:
      'GitHub file, search-index id 35965223272 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://star.aliexpress.com/share/share.htm?image=U242cb795d7ad461989c7349980b2b10ai.jpg&businessType=ProductDetail&title=THB%20483.37%20%2012%EF%BC%85%20Off%20%7C%204pcs%2013kg%2015kg%20Metal%20Servos%20Digital%20MG995%20MG996%20MG996R%20Servo%20Metal%20Gear%20motor%20for%20Futaba%20JR%20Car%20RC%20Helicopter%20Boat%20Diy%20toys&platform=AE&redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F4000536728030.html%3F%26srcSns%3Dsns_Copy%26tid%3Dwhite_backgroup_101%26mb%3D78kQwy972NDwX2N%26businessType%3DProductDetail%26spreadType%3DsocialShare',
    source:
      'GitHub file, search-index id 35965223272 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://star.aliexpress.com/share/share.htm?image=Ue034913267074a1898102128b939fe87f.jpg&businessType=ProductDetail&title=%E2%82%AC%200%2C54%20%202%EF%BC%85%20Off%20%7C%205%2F10Pcs%20Drukknop%2010X15Mm%20Spst%202Pin%203A%20250V%20KCD11%20Snap-In%20on%2FOff%20Rocker%20Switch%2010Mm%20%2A%2015Mm%20Zwart%20Rood%20En%20Wit&platform=AE&redirectUrl=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F1005001513148147.html%3F%26srcSns%3Dsns_Copy%26tid%3Dwhite_backgroup_101%26mb%3DY2QGeZQOErOWB7e%26businessType%3DProductDetail%26spreadType%3DsocialShare',
    source:
      'GitHub file, search-index id 21073566226 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://rzekl.com/g/1e8d114494d66b47c30616525dc3e8/?ulp=https%3A%2F%2Fwww.aliexpress.com%2Fitem%2F4000843744583.html%3FinvitationCode%3DQklkVC85UElNSmwwTDE5a3RMQVAyT1hmUHgxMG9PWHdzbEIwbTlFRmNvV2VQemFTZUJrNWVWT0s1MU1hdTAyWg%26srcSns%3Dsns_WhatsApp%26spreadType%3DsocialShare%26social_params%3D61545889834%26bizType%3DProductDetail%26spreadCode%3DQklkVC85UElNSmwwTDE5a3RMQVAyT1hmUHgxMG9PWHdzbEIwbTlFRmNvV2VQemFTZUJrNWVWT0s1MU1hdTAyWg%26aff_fcid%3D14da9db0a8714eafb21dce10bca06606-1781704844102-06149-_EweDEz4%26tt%3DMG%26aff_fsk%3D_EweDEz4%26aff_platform%3Ddefault%26sk%3D_EweDEz4%26aff_trace_key%3D14da9db0a8714eafb21dce10bca06606-1781704844102-06149-_EweDEz4%26shareId%3D61545889834%26businessType%3DProductDetail%26platform%3DAE%26terminal_id%3D9958bfced5b34a7a95165046056e6ec1%26afSmartRedirect%3Dy%26gatewayAdapt%3Ddeu2glo',
    source:
      'GitHub file, search-index id 54544650775 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (same URL also in ids 54501408462, 54499223000)',
    seenAs: 'affiliate',
    refused: 'unknown_host',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005006420023450.html?invitationCode=MWVGaWdsZDc0cUZBdVBDM3l3bnY2ZGI4ckF6NFl1RjcwaTVFclZqZytLU2VQemFTZUJrNWVWT0s1MU1hdTAyWg&srcSns=sns_Copy&spreadType=socialShare&social_params=21892192294&bizType=ProductDetail&spreadCode=MWVGaWdsZDc0cUZBdVBDM3l3bnY2ZGI4ckF6NFl1RjcwaTVFclZqZytLU2VQemFTZUJrNWVWT0s1MU1hdTAyWg&aff_fcid=bc58928340ae4fef85f7e64e18bd7d7a-1753674064912-08252-_mPIB3Jt&tt=MG&aff_fsk=_mPIB3Jt&aff_platform=default&sk=_mPIB3Jt&aff_trace_key=bc58928340ae4fef85f7e64e18bd7d7a-1753674064912-08252-_mPIB3Jt&shareId=21892192294&businessType=ProductDetail&platform=AE&terminal_id=f0c0659a4ca447babbee09709f77824e&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 33204403323 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://ko.aliexpress.com/item/1005010120015183.html?invitationCode=ZXRlQUNVNkpPRUd3N2lRNlhCUGcvcGVhbGdxWXhWTkNhckJpcnN5UXQ3MmVQemFTZUJrNWVWT0s1MU1hdTAyWg&srcSns=sns_KakaoTalk&sourceType=1&spreadType=socialShare&social_params=6000370900927&bizType=ProductDetail&spreadCode=ZXRlQUNVNkpPRUd3N2lRNlhCUGcvcGVhbGdxWXhWTkNhckJpcnN5UXQ3MmVQemFTZUJrNWVWT0s1MU1hdTAyWg&aff_fcid=b74c0bc49c3a45f29dd48b8dce73799d-1762955153404-07205-_c4DXaxzR&tt=MG&aff_fsk=_c4DXaxzR&aff_platform=default&sk=_c4DXaxzR&aff_trace_key=b74c0bc49c3a45f29dd48b8dce73799d-1762955153404-07205-_c4DXaxzR&shareId=6000370900927&businessType=ProductDetail&platform=AE&terminal_id=0aaa77ecea0643c7b35d9dd7cefd9ac9&afSmartRedirect=y&gatewayAdapt=glo2kor',
    source:
      'GitHub file, search-index id 16333377358 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://es.aliexpress.com/item/1005004354573123.html?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&social_params=21155296584&aff_fcid=4f77adf0b9d74611a75504fb32662668-1697222479272-08118-_m06AhcS&tt=MG&aff_fsk=_m06AhcS&aff_platform=default&sk=_m06AhcS&aff_trace_key=4f77adf0b9d74611a75504fb32662668-1697222479272-08118-_m06AhcS&shareId=21155296584&businessType=ProductDetail&platform=AE&terminal_id=5a85732ff3724ddcb8680d0a8952b024&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 41650271880 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://pt.aliexpress.com/item/1005007989431712.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=21851383776&aff_fcid=6abde431cf2c43d78abba54f8fe92092-1748561979491-00334-_mq1jYKF&tt=MG&aff_fsk=_mq1jYKF&aff_platform=default&sk=_mq1jYKF&aff_trace_key=6abde431cf2c43d78abba54f8fe92092-1748561979491-00334-_mq1jYKF&shareId=21851383776&businessType=ProductDetail&platform=AE&terminal_id=fb8fc465198c41748a4019f7189cdc36&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 23151375818 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://de.aliexpress.com/item/32993892413.html?srcSns=sns_WhatsApp&spreadType=socialShare&bizType=ProductDetail&social_params=60729542385&aff_fcid=967cfb0bb3c44d5994dca7a8b6821253-1721983637820-00146-_EIhxwWR&tt=MG&aff_fsk=_EIhxwWR&aff_platform=default&sk=_EIhxwWR&aff_trace_key=967cfb0bb3c44d5994dca7a8b6821253-1721983637820-00146-_EIhxwWR&shareId=60729542385&businessType=ProductDetail&platform=AE&terminal_id=15f1fe9867124f1a9b3cca645aa764d7&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 33856824030 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (README of Altishofer/piggyScale per its own links)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://fr.aliexpress.com/item/32953548253.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=20498188540&aff_fcid=394633005d0f4e22a981cdcb4ef84ff9-1646684439869-04366-_mKItZoY&tt=MG&aff_fsk=_mKItZoY&aff_platform=default&sk=_mKItZoY&aff_trace_key=394633005d0f4e22a981cdcb4ef84ff9-1646684439869-04366-_mKItZoY&shareId=20498188540&businessType=ProductDetail&platform=AE&terminal_id=21deee05b3694129af60a740b84b062b&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 40715422888 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005001469045379.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=20279310410&aff_fcid=7957777e535a4b3c9616ff98efcb0673-1634268662620-05601-_mseXbAP&tt=MG&aff_fsk=_mseXbAP&aff_platform=default&sk=_mseXbAP&aff_trace_key=7957777e535a4b3c9616ff98efcb0673-1634268662620-05601-_mseXbAP&shareId=20279310410&businessType=ProductDetail&platform=AE&terminal_id=d351e39f504144729ff9c69423c32558',
    source:
      'GitHub file, search-index id 25458474431 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.aliexpress.com/item/1005007925694019.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=60888189830&aff_fcid=4f607a109395401c84f7ac8a70f91b8b-1732585246056-07864-_Ex7AC85&tt=MG&aff_fsk=_Ex7AC85&aff_platform=default&sk=_Ex7AC85&aff_trace_key=4f607a109395401c84f7ac8a70f91b8b-1732585246056-07864-_Ex7AC85&shareId=60888189830&businessType=ProductDetail&platform=AE&terminal_id=cdbcfffcb0124609b673e53187a69b3a&afSmartRedirect=y',
    source:
      'GitHub file, search-index id 45960047028 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://nl.aliexpress.com/item/1005004940352922.html?srcSns=sns_Copy&spreadType=socialShare&bizType=ProductDetail&social_params=60985872337&aff_fcid=d36cea4a44db45c6bede2523cc9afb1e-1753980282806-07628-_EjQJvbW&tt=MG&aff_fsk=_EjQJvbW&aff_platform=default&sk=_EjQJvbW&aff_trace_key=d36cea4a44db45c6bede2523cc9afb1e-1753980282806-07628-_EjQJvbW&shareId=60985872337&businessType=ProductDetail&platform=AE&terminal_id=5ec7fe4f4f894db8bbb9257240edc8ba&afSmartRedirect=y',
    source:
      "GitHub README titled 'Levelmeting Waterput V4' (returned by the code search corpus without repository name)",
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress: THB229.89 | 1-10pcs ESP32 WROOM-32 ESP32-S Development Board WiFi+Bluetooth-compatible TYPE-C ESP32 30Pin ESP32 Nodemcu Development Module  \nhttps://a.aliexpress.com/_oDbdH0o',
    source:
      "GitHub file, search-index id 36235473912 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (README 'JKBMS2ESPMQTT Firmware'; another version id 35967669437)",
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress: THB48.64 | 5PCS/LOT MAX485 module, RS485 module, TTL turn RS - 485 module, MCU development accessories  \nhttps://a.aliexpress.com/_oFmcUde',
    source:
      'GitHub file, search-index id 36235473912 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress: THB1,736.96 | Jikong JK BMS 4s 5s 6s 7s 8s 100a 200a Smart Lifepo4 Li-ion Active Balance Lithium 24v With Bt Heat Function Equalizer On Sale  \nhttps://a.aliexpress.com/_oClgBbe',
    source:
      'GitHub file, search-index id 36235473912 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress: \n￡0.68 | 1~10PCS TTL Turn To RS485 Module 485 To Serial UART Level Mutual Conversion Hardware Automatic Flow Control Power Supply Module\nhttps://a.aliexpress.com/_EHIAcRK',
    source:
      'GitHub file, search-index id 42061216638 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress: \n￡28.59 | 4-20mA 0-10V 0-5V RS485 Submerged Liquid Tank Stainless Steel Hydraulic Deep Well Water Level Sensor Transmitter\nhttps://a.aliexpress.com/_EjQJvbW',
    source: 'github PhillyGilly/Rainwater-Harvesting-Management README.md (search-index id 42293169712)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress:\n1-8pcs LiitoKala 60145 60140 3.2V 50Ah LifePo4 battery for diy 12V 24V 48V 50Ah solar Inverter electric vehicle coach golf carthttps://a.aliexpress.com/_mPkQRYF',
    source:
      'GitHub file, search-index id 58616401108 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'I just found this on AliExpress:  | USB To 5V DC Power Cable USB A to DC Boost Cable With Adapters USB to DC Jack Connector Power Supply Adapter For Wifi Router Fan\nhttps://a.aliexpress.com/_c3TWMcp5',
    source:
      "GitHub file, search-index id 54906395375 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (test fixture described as 'the real share-button message'; also ids 54500661347, 54537805884)",
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'Смотри, что есть на AliExpress! ANYCUBIC Kobra 2 Max 3D-принтер за 36 521 ₽ - уже со скидкой 20%\nhttps://ali.click/1b7va15',
    source:
      'GitHub file, search-index id 55452671061 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (also id 55315290109)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input: 'https://ali.click/n1r631v?erid=2SDnjeZz99K',
    source:
      'GitHub file, search-index id 53574926276 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input: 'https://ali.click/fk3ej1c',
    source: 'https://github.com/ClearURLs/Rules/pull/317',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input: 'https://a.aliexpress.com/_mKjL9Cq',
    source:
      'GitHub file, search-index id 41955722898 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    links: ['https://a.aliexpress.com/_mKjL9Cq'],
  },
  {
    input: 'https://a.aliexpress.com/_vpUdrT',
    source:
      'GitHub file, search-index id 3504612273 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    links: ['https://a.aliexpress.com/_vpUdrT'],
  },
  {
    input: 'https://a.aliexpress.com/_c3yudse3',
    source:
      'GitHub file, search-index id 58505730645 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    links: ['https://a.aliexpress.com/_c3yudse3'],
  },
  {
    input: 'https://a.aliexpress.com/_EHdhbaG',
    source:
      'GitHub file, search-index id 6534751263 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    links: ['https://a.aliexpress.com/_EHdhbaG'],
  },
  {
    input:
      'Camiseta Masculina\nValor: R$ 129,03 (2 Unidades)\nCUPOM: NIVER + 888 Moedas\nLink com moedas:\nhttps://a.aliexpress.com/_c3MkBamb\nLink para PC:\nhttps://a.aliexpress.com/_c2w1PzMT\nIMPOSTO incluso no valor!\nLink Geral Todas as Redes:\nhttps://linktr.ee/iskandarsouza',
    source:
      'GitHub file, search-index id 69526771858 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    refused: 'affiliate_link',
  },
  {
    input: 'https://s.click.aliexpress.com/e/_c3iB26TD',
    source: 'https://github.com/marirs/urlexpand/issues/9',
    seenAs: 'affiliate',
    refused: 'affiliate_link',
  },
  {
    input: 'https://s.click.aliexpress.com/e/_DeAVKgn?bz=300*250',
    source:
      'GitHub file, search-index id 34184321803 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    refused: 'affiliate_link',
  },
  {
    input: 'https://s.click.aliexpress.com/e/_oBs9DwX',
    source:
      'GitHub file, search-index id 30743713158 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    refused: 'affiliate_link',
  },
  {
    input:
      'https://m.pt.aliexpress.com/login.html?return_url=https%3A%2F%2Fcampaign.aliexpress.com%2Fwow%2Fgcp%2Fslash_it%2Fitembackflow%3FinvitationCode%3DcmdTdkVVaEQ5akc4cFc2RHFBZ3ZVMUtDYzBmZ25xREdNS0xkcy80M3AwNVN2QU8yR2FsRWVBPT0%26percent%3D85.08%26aid%3D3672732325025281%26mid%3D3073668978025281%26srcSns%3Dsns_Copy%26spreadType%3Dinvite%26bizType%3Dslash%26social_params%3D20171963281%26spreadCode%3DcmdTdkVVaEQ5akc4cFc2RHFBZ3ZVMUtDYzBmZ25xREdNS0xkcy80M3AwNVN2QU8yR2FsRWVBPT0%26itemId%3D1005002484068166%26aff_fcid%3D02686fe8906145ee8b786261ab55937a-1620408961375-01950-_mK9dMpb%26tt%3DMG%26aff_fsk%3D_mK9dMpb%26aff_platform%3Ddefault%26sk%3D_mK9dMpb%26aff_trace_key%3D02686fe8906145ee8b786261ab55937a-1620408961375-01950-_mK9dMpb%26shareId%3D20171963281%26businessType%3Dslash%26platform%3DAE%26terminal_id%3D63b3654d8aeb41c4847d38352108c231',
    source:
      'GitHub file, search-index id 37040823154 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'https://sale.aliexpress.com/__mobile/daily_cash_out_m.htm?invitationCode=cVpVTEo1bllIdW9laGEyVkxNbms2V001UnhJelJOY3VzaC9Cd1N2emdpM1dIZUxWV3YydHExT0s1MU1hdTAyWg&srcSns=sns_Copy&spreaderGameInstanceId=NTJUZDFIT2t4WEppbjhWaGdRVzY2dUVxT25FMmZUQjNncjIzdVpEWjdxcXBJcmo4M1NOU2VVV3FvRUtNZFF5Yg&spreadType=globalshare&bizType=dailycash&spreadCode=cVpVTEo1bllIdW9laGEyVkxNbms2V001UnhJelJOY3VzaC9Cd1N2emdpM1dIZUxWV3YydHExT0s1MU1hdTAyWg&_addShare=no&tt=MG&aff_platform=default&sk=_mrosntv&mergeHashcode=21776565449&description=Your+bonus+is+waiting+to+be+activated.&aff_trace_key=f360efa302b849929ffc1f319946207d-1609454928312-05580-_mrosntv&businessType=dailycash&title=GETUS+%2420.00%21+%23AliExpressbonus+%23BonusBuddies&platform=AE&terminal_id=54da58a5440d48009a2fcd4f95515c45&templateKey=daily_cash_template_global_101_v1',
    source:
      'GitHub file, search-index id 8224228142 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'https://www.aliexpress.com/gcp/300001014/krgroupbuy-share?invitationCode=Yzg1cGl6RENMaGFZa2RIQm90RHprUHA5K3pUNDk2MTdBeEZDTFBWRDdlWUVsR3Zpc0lTQi9WT0s1MU1hdTAyWg&disableNav=YES&_immersiveMode=true&isSmbAutoCall=false&spreadType=ordershare&spreadCode=Yzg1cGl6RENMaGFZa2RIQm90RHprUHA5K3pUNDk2MTdBeEZDTFBWRDdlWUVsR3Zpc0lTQi9WT0s1MU1hdTAyWg&isSmbShow=false&shareGroupCode=SGC_6re466O565Scc3JjZA&srcSns=sns_Copy&pha_manifest=ssr&bizType=sharegroup&social_params=6000117155169&aff_fcid=81b7fdb346a2461c95ddd2aa27a41d6d-1718977305721-01167-_oDra31y&tt=MG&aff_fsk=_oDra31y&aff_platform=default&sk=_oDra31y&aff_trace_key=81b7fdb346a2461c95ddd2aa27a41d6d-1718977305721-01167-_oDra31y&shareId=6000117155169&businessType=sharegroup&platform=AE&terminal_id=f316976369734e3aba990c79a22719b1',
    source:
      'GitHub file, search-index id 35114812948 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'other',
    refused: 'game_link',
  },
  {
    input:
      'https://sale.aliexpress.com/__mobile/wTTBw4hZBz_m.htm?outBizId=5a96e8a378fe418fbd20331ff74a1b97&identity=SHOP',
    source:
      'GitHub file, search-index id 15107788058 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (MordechaiN/aliexpress-coins-collector-chrome per its header; same template in ids 15166660181, 15012457838)',
    seenAs: 'game',
    refused: 'not_an_invite_link',
  },
  {
    input: 'https://sale.aliexpress.com/__pc/referral_entrance.htm',
    source: 'https://github.com/easylist/easylist/pull/4249',
    seenAs: 'other',
    refused: 'not_an_invite_link',
  },
  {
    input:
      'https://es.aliexpress.com/item/4000672272353.html?pvid=c4cdc770-f05a-4b7b-8a50-d8b81efff6c9&_t=gps-id:pcDetailBottomMoreThisSeller,scm-url:1007.13339.169870.0,pvid:c4cdc770-f05a-4b7b-8a50-d8b81efff6c9,tpp_buckets:668%230%23131923%230_668%23808%234094%23200_668%23888%233325%231_668%232846%238113%23646_668%232717%237558%23188_668%231000022185%231000066059%230_668%233468%2315617%23897',
    source: 'https://github.com/ClearURLs/Rules/issues/163',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      "Happy New Year~ Sending you a New Year's card. Come and see my New Year's wishes and accept my invitation.\n-For real?\n-Sure, only 2 steps to take the gift and help me get mine!\nhttps://temu.com/s/Ut2tvFcWcwAKgdUM",
    source:
      'GitHub file, search-index id 47183493368 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (Discord bot that re-posts it; also id 47192219254)',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'Can you take the gift and accept my invitation? Only 2 steps, take your free gifts from top-notch activity TEMU Free Gifts and help me get mine!\nhttps://temu.com/s/OK0DHUxAdgzM8aCC',
    source:
      'GitHub file, search-index id 29511403982 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'Can you take the gift and accept my invitation? Only 2 steps, take your free gifts from top-notch activity TEMU Free Gifts and help me get mine!\nhttps://temu.com/s/6woIidIDxlN2VA',
    source: 'https://github.com/shaobin0604/Android-HomeKey-Locker/issues/26',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'Can you take the gift and accept my invitation? Only 2 steps, take your free gifts from top-notch activity TEMU Free Gifts and help me get mine! https://temu.com/s/bmpGF61WwBGW26r',
    source: 'https://github.com/google/XNNPACK/issues/6260 (issue title)',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      '✅Claimed! Can you take the gift and accept my invitation? I got 2 free gifts. Wonder how? 1. Accept invitation; 2. Pick gifts you like; 3. Cut to $0 to claim free gifts. Follow my lead and get yours now!\nhttps://temu.com/s/faNqtyRNr71Qw4pt',
    source: 'https://github.com/jekyll/jekyll/issues/9694',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      "✅Claimed! I've got 1 free gift, can you take the gift and accept my invitation? 6 free gifts from top-notch activity TEMU Free Gifts for me and you'll get yours!\nhttps://temu.com/s/CFBOdc1Segchrtu",
    source: 'https://pastebin.com/w3stWJu8',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      'Merry Christmas~ Please take the Christmas gifts and accept my invitation. -For real? -Sure, only 2 steps to take the gift and help me get mine!\nhttps://temu.com/s/MxnRGJT9Nc1H8ix',
    source: 'https://github.com/TemuLinkHack/TemuHack/issues/6',
    seenAs: 'game',
    refused: 'game_link',
  },
  {
    input:
      "💵Tired of not having enough money on holiday? Redeem up to $200.00 in cash here!💰️ Click and accept my invitation on Temu, Let's get cash together! 👉  https://temu.com/s/PrK5iJNOLc1Zj",
    source: 'https://github.com/ntddk/temu/issues/2',
    seenAs: 'invite',
    links: ['https://temu.com/s/PrK5iJNOLc1Zj'],
  },
  {
    input:
      'I have withdrawn $150 to PayPal in total! Come and get up to $200.00 per withdrawal! Click and accept my invitation on Temu!  https://temu.com/s/LxjSiVXPLc1lfyz',
    source: 'https://github.com/gwuah/cashapp/issues/5',
    seenAs: 'invite',
    links: ['https://temu.com/s/LxjSiVXPLc1lfyz'],
  },
  {
    input:
      'Can you do me a favor? Just accept this invitation, up to $100 for each of us!!\nhttps://temu.com/s/T8O9EWgSLc190cVk',
    source: 'https://pastebin.com/16NvdhSN',
    seenAs: 'invite',
    links: ['https://temu.com/s/T8O9EWgSLc190cVk'],
  },
  {
    input: 'Https://temu.com/s/MBZvjSJLNWTeocZy',
    source: 'https://pastebin.com/kRbcCaP1',
    seenAs: 'other',
    links: ['Https://temu.com/s/MBZvjSJLNWTeocZy'],
  },
  {
    input: 'https://temu.com/s/OeXvbkTHPGvSDkmS',
    source: 'https://pastebin.com/8kGLLiWa',
    seenAs: 'other',
    links: ['https://temu.com/s/OeXvbkTHPGvSDkmS'],
  },
  {
    input: 'https://temu.com/s/L5KUJI0PgTBAw',
    source:
      'GitHub file, search-index id 54736694360 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (Korean Discord bot spam list; also id 54487724726)',
    seenAs: 'other',
    links: ['https://temu.com/s/L5KUJI0PgTBAw'],
  },
  {
    input:
      '🎉 Get credit up to $20.00 today!🎁Click and accept my invitation to get credit together👉\nhttps://temu.com/a/I5U7dyKAdglEf2',
    source: 'https://github.com/TemuLinkHack/TemuHack/issues/8',
    seenAs: 'invite',
    links: ['https://temu.com/a/I5U7dyKAdglEf2'],
  },
  {
    input: 'https://temu.com/a/4e6Lz7pufGYQoYhq',
    source:
      'GitHub file, search-index id 42553500837 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'game',
    links: ['https://temu.com/a/4e6Lz7pufGYQoYhq'],
  },
  {
    input: 'https://temu.com/a/VeHhz9bwz5DB1Fk',
    source:
      'GitHub file, search-index id 42516220657 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (also ids 42696929706, 42796657632, 43262708592, 43325459060)',
    seenAs: 'other',
    links: ['https://temu.com/a/VeHhz9bwz5DB1Fk'],
  },
  {
    input: 'Can you accept my invitation so that I can get a free gift?\nhttps://temu.com/u/peJEflcbNc1LxpFX',
    source: 'https://github.com/Sfedfcv/redesigned-pancake/issues/32',
    seenAs: 'invite',
    links: ['https://temu.com/u/peJEflcbNc1LxpFX'],
  },
  {
    input: 'Can you accept my invitation so that I can get a free gift?\nhttps://temu.com/u/pdCwRFjxz5IWHt',
    source: 'https://github.com/coredao-org/btc-staking-tool/issues/22',
    seenAs: 'invite',
    links: ['https://temu.com/u/pdCwRFjxz5IWHt'],
  },
  {
    input: 'Plz, Plz, Can you accept my invitation so that I can get free cash?\nhttps://temu.com/u/CecOHriEvBce8ZL',
    source: 'https://github.com/Semporia/TikTok-Unlock/issues/421',
    seenAs: 'invite',
    links: ['https://temu.com/u/CecOHriEvBce8ZL'],
  },
  {
    input: 'هل يمكنك قبول دعوتي حتى أتمكن من الحصول على هدية مجانية\nhttps://temu.com/u/uWse7zptfVhZnt',
    source: 'https://github.com/googleads/googleads-mobile-android-examples/issues/1053',
    seenAs: 'invite',
    links: ['https://temu.com/u/uWse7zptfVhZnt'],
  },
  {
    input: 'https://temu.com/u/48Nsv5uIPGPUirB - OR USE CODE 421322594 IN THE SEARCH BAR OF TEMU',
    source: 'https://gist.github.com/TERIHAX',
    seenAs: 'invite',
    links: ['https://temu.com/u/48Nsv5uIPGPUirB'],
  },
  {
    input: 'https://temu.com/u/cSmJN8M7921fwsfm',
    source:
      'GitHub file, search-index id 2533251263 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (also id 2599736533)',
    seenAs: 'invite',
    links: ['https://temu.com/u/cSmJN8M7921fwsfm'],
  },
  {
    input: 'New day new clicks 🔥🔥Let’s help each other https://app.temu.com/m/R5MvHbmREblJV',
    source: 'https://github.com/gwuah/cashapp/issues/4 (issue title)',
    seenAs: 'other',
    links: ['https://app.temu.com/m/R5MvHbmREblJV'],
  },
  {
    input: 'https://www.temu.com/m/gDr5d3eP864rX',
    source: 'https://github.com/gwuah/cashapp/issues/4',
    seenAs: 'other',
    links: ['https://www.temu.com/m/gDr5d3eP864rX'],
  },
  {
    input:
      '🚀 Help Me & Earn Instantly – Just 1 Click!\n🎉 You Will Get Free Rewards!\n🔗 https://temu.to/k/ejyd5w7ztv0',
    source: 'https://pastebin.com/3myx2ScG',
    seenAs: 'affiliate',
    links: ['https://temu.to/k/ejyd5w7ztv0'],
  },
  {
    input: 'Another surprise for you! Click https://temu.to/k/ejyd5w7ztv0 to earn with me together🤝!',
    source: 'https://pastebin.com/3myx2ScG',
    seenAs: 'affiliate',
    links: ['https://temu.to/k/ejyd5w7ztv0'],
  },
  {
    input: '⭐️Click the link https://temu.to/k/enqjoxa7qwr to get 💰500Lei coupon bundle!',
    source: 'https://pastebin.com/3myx2ScG',
    seenAs: 'affiliate',
    links: ['https://temu.to/k/enqjoxa7qwr'],
  },
  {
    input:
      'Download Temu App now, and search code【dwy9628】to claim $100 Coupon Bundle!\n👉 https://app.temu.com/k/uvzhgbcb7c6',
    source:
      'GitHub file, search-index id 56060631649 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) quoting YouTube description of https://www.youtube.com/watch?v=Ti14pPDmZA4',
    seenAs: 'affiliate',
    links: ['https://app.temu.com/k/uvzhgbcb7c6'],
  },
  {
    input:
      '🔥🔥Do you believe it? \nYou can get Labubu now on @temu at a discounted price!\nNew app users can even use my code【dyq4598】to get Rs.40000 coupon bundle. T&Cs apply.\n.\n.\n.\nLink:\nhttps://app.temu.com/k/elw0467l8jq\n\n#shoptemu #temufinds #temureview #temupakistan #meenitech #labubudoll #labubu',
    source:
      'GitHub file, search-index id 45756163402 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) quoting TikTok post https://www.tiktok.com/@meenitech/video/7522869149001927954',
    seenAs: 'affiliate',
    links: ['https://app.temu.com/k/elw0467l8jq'],
  },
  {
    input: 'https://temu.to/m/u7wq0kfazcq',
    source:
      'GitHub file, search-index id 36266119722 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring) (same link in ids 36599068991, 36285152635, 36490819423)',
    seenAs: 'affiliate',
    links: ['https://temu.to/m/u7wq0kfazcq'],
  },
  {
    input: 'https://app.temu.com/m/mhqbgm3eive',
    source:
      'GitHub file, search-index id 37860788966 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    links: ['https://app.temu.com/m/mhqbgm3eive'],
  },
  {
    input: 'https://temu.to/k/uo4zp3xk1nm',
    source:
      'GitHub file, search-index id 6825901516 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    links: ['https://temu.to/k/uo4zp3xk1nm'],
  },
  {
    input: 'https://temu.to/m/u0p32ew176i',
    source:
      'GitHub file, search-index id 61368339235 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'affiliate',
    links: ['https://temu.to/m/u0p32ew176i'],
  },
  {
    input: 'https://share.temu.com/A5qeTOEZVbA',
    source: 'github jphein/anyka3918-gc1084-camera README.md',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input: 'https://share.temu.com/gd16GrwHmTC',
    source:
      'GitHub file, search-index id 20278647569 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input: 'https://share.temu.com/P4PLVBPsGsA',
    source:
      'GitHub file, search-index id 53766648976 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.temu.com/goods.html?_bg_fs=1&goods_id=601099515313495&_x_sessn_id=uhnu2qvuvo&refer_page_name=bgt_order_receipt&refer_page_id=10471_1718277961666_tdvyd6mvrs',
    source: 'https://github.com/AdguardTeam/AdguardFilters/issues/182182',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.temu.com/hu-en/product-desc-601100171620802.html?_oak_mp_inf=%3D%3D&top_gallery_url=https%3A%2F%2Fimg.kwcdn.com%2Fproduct%2Ffancy%2Fa190ac1e-aa60-41f3-b959-90c43e64795e.jpg&spec_gallery_id=6712626458&refer_page_sn=10005&refer_source=0&freesia_scene=1&_oak_freesia_scene=1&_oak_rec_ext_1=MjU0MjAw&_oak_gallery_order=385541317%2C1802937840%2C1940332105%2C978792081%2C1977595770&refer_page_el_sn=200024&refer_page_name=home&refer_page_id=10005_1755352576150_lhm1n9pvj8&_x_sessn_id=xxxxxxxx',
    source: 'https://github.com/ClearURLs/Rules/issues/177',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.temu.com/gr/kuiper/un3.html?subj=dpa-un&_bg_fs=1&_p_jump_id=543&_x_vst_scene=adg&goods_id=id&sku_id=id2&adg_ctx=a&_p_rfs=a&_x_ads_channel=a&_x_ads_creative_id=a&_x_ads_id=a&_x_ads_set=a&_x_ads_sub_channel=a&_x_ns_catalog_id=a&_x_ns_gid=a&_x_ns_placement=a&_x_ns_product_id=a&_x_ns_site_id=a&_x_ns_source=a&mrk_rec=a&_x_ns_crt_id=a&_x_bg_adid=a&_x_from=a&_x_ads_account=a&utm_medium=a&utm_source=a&utm_id=a&utm_content=a&utm_term=a&utm_campaign=a&fbclid=a',
    source: 'https://github.com/AdguardTeam/AdguardFilters/issues/221928',
    seenAs: 'other',
    refused: 'not_an_invite_link',
  },
  {
    input: 'https://www.temu.com/goods.html?_bg_fs=1&goods_id=601099519071638&sku_id=17592227065720',
    source:
      'GitHub file, search-index id 62622062676 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'product',
    refused: 'product_link',
  },
  {
    input:
      'https://www.temu.com/ba-en?_x_sessn_id=lg03zsiw0z&refer_page_name=footprint&refer_page_id=10029_1767164193155_e5yk4qw5jc&refer_page_sn=10029&is_back=1',
    source:
      'GitHub file, search-index id 66672394087 (find_string; the index did not return repository/path — re-locate with find_string on a distinctive substring)',
    seenAs: 'other',
    refused: 'not_an_invite_link',
  },
];
