//! Big, deterministic test issues of Chinese news text (for benchmarks, tests and `check`
//! timings): sentences built from clauses of the sample issue, as dense as real copy, with
//! dates, figures with units and %, phone numbers, quotations in “ ”, titles in 《 》,
//! parentheses, lists with 、, full- and half-width commas, ； and Latin acronyms; and the
//! same for Traditional Chinese and Japanese ([`news_text`]).
//!
//! ```
//! use pasteup_core::generate::{cjk_text, generate_issue};
//! let text = cjk_text(4_000, 7);
//! assert!(text.len() >= 4_000 && text == cjk_text(4_000, 7));
//! let (ron, layout) = generate_issue(2, 12, 7);
//! let issue: pasteup_core::model::Issue = pasteup_core::format::ron_options().from_str(&ron).unwrap();
//! assert_eq!((issue.pages.len(), issue.items.len()), (2, 12));
//! assert_eq!(layout.pages.iter().map(|p| p.placements.len()).sum::<usize>(), 12);
//! ```

#![allow(clippy::expect_used, reason = "test data: writing to a String cannot fail")]

use std::fmt::Write as _;

use crate::fit::set_item;
use crate::model::{Depth, Grid, Item, Language, Layout, PageLayout, Placement};

/// A tiny xorshift generator: deterministic on every platform, no dependencies.
#[derive(Debug, Clone)]
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> XorShift {
        // Never zero; mix the seed so that 0, 1, 2 … give unrelated streams.
        XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.next_u64().is_multiple_of(n as u64)
    }

    /// One of `from`, which must not be empty.
    pub fn pick(&mut self, from: &[&'static str]) -> &'static str {
        from[self.range(0, from.len() - 1)]
    }
}

/// Clauses taken from the sample issue (Taiyuan Daily, 10 February 2023).
const PHRASES: &[&str] = &[
    "守护青山绿水",
    "增进民生福祉",
    "晋源区全力打造宜居美丽家园",
    "以更高标准推进生态文明建设",
    "加快推动生产生活方式绿色转型",
    "实施民生品质提升计划",
    "兜牢基本民生底线",
    "持续增进民生福祉",
    "晋源区消息",
    "要全力打造宜居美丽家园",
    "全力保障和改善民生",
    "让生态之美永驻晋源",
    "让该区人民笑脸更多",
    "生活更有保障",
    "晋源区要全域治山筑牢生态屏障",
    "继续实施山体破坏面生态修复工程",
    "加强西山旅游公路沿线环境整治",
    "持续开展天然林资源保护工程",
    "加大人工林种植力度",
    "系统治水再现河湖神韵",
    "加快农村地区雨污分流改造",
    "一泉一河一湖",
    "生态修复",
    "规划实施晋祠泉复流配套水利工程",
    "加快姚村镇灌溉水源置换",
    "加快完成晋阳湖水系连通一期工程",
    "同步启动二期建设",
    "今年要集中力量办好民生",
    "十件实事",
    "一是南堰城改建学校年内招生办学",
    "启动新建一所城改建学校",
    "四是完成新晋祠路南延",
    "蒙山大街西延道路工程",
    "强力治气守护蓝天白云",
    "聚焦突出问题",
    "持续强化污染源监测监控",
    "加快完善大气环境治理体系",
    "加强联合执法力度",
    "对重点环境违法案件挂牌督办",
    "综合治城提升承载能级",
    "口袋公园",
    "实施迎宾路北绿地项目",
    "保障千峰路泵站公园建设",
    "加大义井片区棚户区改造力度",
    "提升就业服务能力",
    "突出抓好高校毕业生培养",
    "着力提升青年",
    "退役军人等重点群体就业创业能力",
    "持续推进",
    "两大基地",
    "和劳务品牌项目建设",
    "年内全区",
    "大学生就业创业基地",
    "技能服务人才培养基地",
    "推进零工市场平台建设",
    "打造一体化公共就业服务系统",
    "办好人民满意教育",
    "深入实施教育",
    "提升工程",
    "推动教育事业更加优质均衡",
    "提升健康保障水平",
    "加强与省儿童医院",
    "市妇幼保健院交流合作",
    "加快推进区中医院建设",
    "加大文化体育设施建设力度",
    "兜牢社会民生底线",
    "社经办新模式",
    "持续优化退役军人服务保障体系",
    "加强低收入对象",
    "高标准运营区老年福利院",
    "加快探索",
    "医养协同",
    "让更多老年人乐享晚年生活",
    "晋源区要办好十件民生实事",
    "基础养老金标准",
    "保持全省最高",
    "九是开工建设山大附中晋源学校",
    "阳曲县民生项目紧盯群众急难愁盼",
    "从阳曲县两会上获悉",
    "该县今年将紧盯群众急难愁盼",
    "大力推进一系列民生项目",
    "让广大人民群众获得感",
    "安全感更加充实",
    "更有保障",
    "更可持续",
    "围绕改善民生",
    "阳曲县将突出规划先行",
    "坚持以人为本",
    "不断提升城市建设管理水平",
    "全方位打造高品质宜居城市",
    "以新阳大街东延工程为枢纽",
    "并适度向城晋驿片区扩展延伸",
    "拉大县城框架",
    "扩大县城容量",
    "以交通路网为纽带",
    "持续推进农村公路基础设施建设",
    "四好农村路",
    "和旅游公路",
    "完成黄泥公路建设",
    "扩展城乡道路交通辐射范围",
    "在提升城市品质方面",
    "城老旧小区及周边基础设施改造",
    "高铁站前片区市政基础设施",
    "青龙污水处理厂配套管网等项目建设",
    "保障性租赁住房",
    "首邑职教园区综合开发等项目建设",
    "分步启动崔家巷",
    "文明街三大片区棚户区改造项目",
    "强化精细管理",
    "坚持建管并重",
    "全面统筹推进",
    "在城市管理方面",
    "重点实施四项工作",
    "精细化运营",
    "保障全县道路清扫保洁率",
    "垃圾日产日清率",
    "公厕清扫清扫保洁率",
    "三个百分百",
    "聚焦群众呼声",
    "善作善为",
    "尽力而为",
    "量力而行",
    "维护和运营",
    "构建养老服务体系",
    "完善基本医疗保险",
    "大病保险",
    "医疗救助等医保制度",
    "提升社区阵地服务水平",
    "三改一配",
    "便民工程",
    "真正发挥网格员",
    "推进职业教育特色发展",
    "打造产教融合共同体",
    "深化县管校聘管理改革",
    "着力构建重实绩",
    "重责任的教师分配激励机制",
    "深化医疗卫生改革",
    "优化医疗卫生资源布局",
    "完善县城医疗综合改革",
    "加强乡村医务人员队伍建设",
    "与全省知名医院建立长期合作机制",
    "阳曲县七件民生实事件件温暖群众",
    "从今年阳曲县两会上获悉",
    "该县将集中力量办好七件民生实事",
    "具体包括",
    "一是实施杨兴河防洪能力提升工程",
    "三是启动首邑体育公园建",
    "名医工作室",
    "市区大范围降雪",
    "市城管环卫部门以雪为令",
    "边下边清",
    "先主后次",
    "先内后外",
    "先陡后平",
    "先重点后一般",
    "高效地投身到清雪除冰工作中",
    "环卫工人是清雪除冰的主力军",
    "随着雪量的增大",
    "所有环卫工人陆续上路",
    "从雪初降时",
    "便没有一刻儿停歇",
    "连夜奋战在城市的主次干道上",
    "通过撒布融雪剂",
    "防止路面结冰",
    "在作业顺序上",
    "优先保障城市快速路",
    "主次干道",
    "陡坡路段畅",
    "紧盯车站",
    "易滑易堵点等特殊位置",
    "全力保障无结冰现象",
    "市城乡管理局启动清雪应急预案",
    "便出现在各大跨汾大桥上",
    "挥动铁锹",
    "扫帚等工具",
    "清除慢车道以及人行道上的积雪",
    "确保全市重点桥梁畅通",
    "市政建管",
    "城管执法",
    "市政公用",
    "数字城管",
    "照明等单位",
    "共同维护城市环境秩序",
    "保障城市安全稳定运行",
    "保持社会参与除雪工作的良好势头",
    "交警雪中疏导交通",
    "交警发布出行提示",
    "我市降下大雪",
    "给交通带来不小的影响",
    "轻微事故量激增",
    "针对恶劣天气",
    "我市交警启动应急预案",
    "全员上岗疏导交通",
    "交警支队随即启动恶劣天气应急预案",
    "要求大队领导",
    "备勤警力全员到岗",
    "加强巡逻力度",
    "及时发现隐患",
    "按照支队的部署",
    "各大队交警立即展开行动",
    "降雪当晚",
    "并加大了对北中环",
    "西中环高架桥路段的管理力度",
    "防止车辆驶入山区道路被困",
    "交警全力展开疏导",
    "以保障早高峰期间道路的基本通",
    "堵塞道路",
    "并帮助亏电的货车司机摆脱了窘境",
    "在加强疏导",
    "救助力度的同时",
    "交警也加强了事故处理力度",
    "发现一辆白色比亚迪轿车因雪天路滑",
    "撞上墙面无法移动",
    "几位民警还合力将伤者抬上了救护车",
    "使其得到及时救治",
    "交警特别提醒大家注意以下四点",
    "雪天驾车",
    "要控制车速",
    "保持足够的车距",
    "遇到拥堵",
    "要服从交警指挥",
    "排队依次通过",
    "严禁穿插抢行",
    "合理使用灯光",
    "适时开启雾灯",
    "虽然大部分路段积雪已融化",
    "但部分背阴路段仍有结冰可能",
    "大家经过时要特别小心",
    "清雪除冰",
    "保障安全",
    "山西焦煤西山铁路公司全体干部职工",
    "并州论坛",
    "太原市委经济工作会议的相继召开",
    "科学确定了高质量发展的时间表",
    "冲锋的集结号已经吹响",
    "对于处在转型发展关键时期的古交",
    "按部就班即是拖慢进程",
    "四平八稳就会延误战机",
    "只有聚焦",
    "四个关键",
];

/// Short words for quotations and headlines.
const QUOTED: &[&str] = &[
    "十件实事",
    "口袋公园",
    "一泉一河一湖",
    "两会",
    "放管服",
    "最多跑一次",
    "六稳",
    "六保",
    "双碳",
    "一网通办",
    "揭榜挂帅",
    "千万工程",
    "菜篮子",
    "米袋子",
    "厕所革命",
    "平安太原",
    "雪停路净",
    "全域治理",
];

const ACRONYMS: &[&str] = &["GDP", "5G", "PM2.5", "CPI", "APP", "AI", "VR", "ETC", "CBD", "LED"];

const UNITS: &[&str] = &["万元", "亿元", "个", "处", "座", "名", "户", "公里", "平方米", "吨", "辆", "项"];

const OPENINGS: &[&str] = &["本报讯", "据了解", "会议指出", "记者从", "今年以来", "据悉"];

const BYLINES: &[&str] = &["袁剑锋、杨润德", "记者 张晋峰", "记者 刘海君", "通讯员 王静", "记者 李娜 实习生 赵鑫"];

const SIGNERS: &[&str] = &["山西省心血管病医院", "太原市人民政府办公室", "太原市交通运输局", "晋源区人民政府"];

const SECTIONS: &[&str] = &["要闻", "关注县（市、区）两会", "综合新闻", "经济", "民生", "并州论坛", "公告"];

/// Clauses of Traditional Chinese news (Taiwan and Hong Kong copy).
const HANT_PHRASES: &[&str] = &[
    "行政院會今天通過",
    "經濟部表示",
    "立法院三讀修正",
    "臺北市政府宣布",
    "國家發展委員會指出",
    "為因應國際經濟情勢變化",
    "各縣市政府將加強防災準備",
    "中央氣象署發布豪雨特報",
    "交通部公路總局呼籲民眾",
    "衛生福利部疾病管制署",
    "半導體產業持續擴大投資",
    "出口金額創下歷年同期新高",
    "民眾對物價上漲感受明顯",
    "政府將推動長期照顧服務",
    "高雄港貨櫃裝卸量增加",
    "教育部補助偏鄉學校",
    "觀光署統計來臺旅客人次",
    "中央銀行理監事會決議",
    "維持政策利率不變",
    "勞動部公布最新失業率",
    "香港特區政府表示",
    "立法會財務委員會通過撥款",
    "綠色能源轉型刻不容緩",
    "地方議會質詢相關預算",
    "專家學者認為",
    "業者坦言營運壓力沉重",
    "消費者權益應受保障",
    "記者會上說明細節",
];

/// Clauses of Japanese news: kanji and kana, small kana (ゃ ゅ ょ っ ャ ュ ョ ッ) and the long
/// vowel mark ー.
const JA_PHRASES: &[&str] = &[
    "政府は記者会見で",
    "東京都によりますと",
    "気象庁は大雨に関する情報を発表し",
    "コンピューターシステムの障害で",
    "ちょっとした工夫で",
    "新しいサービスを開始すると発表しました",
    "首相官邸で関係閣僚会議が開かれ",
    "ショッピングセンターの売り上げは",
    "ジャーナリストの取材によると",
    "エネルギー価格の高騰を受けて",
    "しゅっぱつの準備が進められています",
    "キャッシュレス決済の利用者は",
    "チェーン店ではメニューを見直し",
    "きょうの株式市場では",
    "ニュージーランドとの経済連携協定",
    "サッカーのワールドカップで",
    "ボランティアのみなさんが",
    "マンションの建設計画をめぐって",
    "スーパーマーケットの店頭では",
    "インフルエンザの感染者数は",
    "デジタル庁はマイナンバーカードの",
    "ちゅうがっこうの授業では",
    "専門家はしっかりとした対策が必要だと指摘しています",
    "ユーザーからの問い合わせが相次いでいます",
];

const JA_QUOTED: &[&str] =
    &["働き方改革", "デジタル田園都市", "ジョブ型雇用", "カーボンニュートラル", "キャッシュレス", "ふるさと納税"];

const HANT_QUOTED: &[&str] = &["前瞻基礎建設", "新南向政策", "長照2.0", "淨零排放", "食安五環", "囤房稅"];

/// Titles in 《 》 (zh) or 『 』 (ja).
const TITLES: &[&str] = &["政府工作报告", "人民日报", "经济日报", "中华人民共和国民法典", "太原日报"];

const ENUMERATED: &[&str] = &["教育", "医疗", "养老", "住房", "就业", "交通", "环保", "文化"];

/// How one language's copy reads: its clauses, quoted words and quotation marks.
#[derive(Clone, Copy)]
struct Voice {
    phrases: &'static [&'static str],
    quoted: &'static [&'static str],
    open: char,
    close: char,
    /// The mark between the items of a list (、).
    ja: bool,
}

impl Voice {
    fn of(language: Language) -> Voice {
        match language {
            Language::ZhHant => {
                Voice { phrases: HANT_PHRASES, quoted: HANT_QUOTED, open: '「', close: '」', ja: false }
            }
            Language::Ja => Voice { phrases: JA_PHRASES, quoted: JA_QUOTED, open: '「', close: '」', ja: true },
            _ => Voice { phrases: PHRASES, quoted: QUOTED, open: '“', close: '”', ja: false },
        }
    }
}

/// A figure as news prints it: a date, an amount with its unit, a percentage, a range, a
/// phone number, a product, a year, a quarter.
fn figure(rng: &mut XorShift, out: &mut String) {
    match rng.range(0, 10) {
        0 => write!(out, "{}月{}日", rng.range(1, 12), rng.range(1, 28)),
        1 => write!(out, "{}{}", rng.range(2, 9999), rng.pick(UNITS)),
        2 => write!(out, "{}.{}%", rng.range(0, 99), rng.range(0, 9)),
        3 => write!(out, "0351-{}", rng.range(5_000_000, 8_999_999)),
        4 => write!(out, "{}×{}", rng.range(2, 9), [100, 1000, 10000][rng.range(0, 2)]),
        5 => write!(out, "{}年", rng.range(2018, 2025)),
        6 => write!(out, "{}年{}月{}日", rng.range(2018, 2025), rng.range(1, 12), rng.range(1, 28)),
        7 => write!(out, "{}—{}月", rng.range(1, 5), rng.range(6, 12)),
        8 => write!(out, "第{}季度", rng.range(1, 4)),
        _ => write!(out, "{}.{}万{}", rng.range(1, 99), rng.range(1, 9), rng.pick(UNITS)),
    }
    .expect("writing to a String");
}

/// One clause, as dense as real copy: figures with units, percentages and dates, Latin
/// acronyms, quotations, parentheses, titles, lists with 、.
fn clause(rng: &mut XorShift, voice: Voice, out: &mut String) {
    let phrase = |rng: &mut XorShift| rng.pick(voice.phrases);
    match rng.range(0, 13) {
        0 | 1 => {
            figure(rng, out);
            out.push_str(phrase(rng));
        }
        2 => {
            out.push_str(phrase(rng));
            out.push_str(if voice.ja { "は前年同期比" } else { "同比增长" });
            write!(out, "{}.{}%", rng.range(0, 60), rng.range(0, 9)).expect("writing to a String");
        }
        3 => {
            out.push_str(phrase(rng));
            out.push(voice.open);
            out.push_str(rng.pick(voice.quoted));
            out.push(voice.close);
        }
        4 => {
            out.push_str(phrase(rng));
            out.push_str(rng.pick(ACRONYMS));
            out.push_str(phrase(rng));
        }
        5 => {
            out.push_str(phrase(rng));
            out.push('（');
            figure(rng, out);
            out.push('）');
        }
        6 => {
            let n = rng.range(2, 4);
            for k in 0..n {
                if k > 0 {
                    out.push('、');
                }
                out.push_str(if voice.ja { rng.pick(voice.quoted) } else { rng.pick(ENUMERATED) });
            }
            out.push_str(phrase(rng));
        }
        7 => {
            out.push_str(if voice.ja { "『" } else { "《" });
            out.push_str(rng.pick(TITLES));
            out.push_str(if voice.ja { "』" } else { "》" });
            out.push_str(phrase(rng));
        }
        8 => {
            out.push_str(phrase(rng));
            out.push('：');
            out.push(voice.open);
            out.push_str(phrase(rng));
            out.push('，');
            out.push_str(phrase(rng));
            out.push_str(if rng.one_in(3) { "！" } else { "。" });
            out.push(voice.close);
        }
        _ => out.push_str(phrase(rng)),
    }
}

/// One sentence: two to five clauses and a full stop.
fn sentence(rng: &mut XorShift, out: &mut String) {
    voiced_sentence(rng, Voice::of(Language::ZhHans), out);
}

fn voiced_sentence(rng: &mut XorShift, voice: Voice, out: &mut String) {
    let clauses = rng.range(2, 5);
    for k in 0..clauses {
        if k > 0 {
            // Copy from printed pages often carries half-width commas.
            out.push_str(if rng.one_in(8) {
                ","
            } else if rng.one_in(5) {
                "；"
            } else if voice.ja {
                "、"
            } else {
                "，"
            });
        }
        clause(rng, voice, out);
    }
    if !out.ends_with(voice.close) {
        out.push_str(if rng.one_in(25) {
            "！"
        } else if rng.one_in(30) {
            "？"
        } else {
            "。"
        });
    }
}

/// A paragraph of about `min..=max` characters.
fn paragraph(rng: &mut XorShift, min: usize, max: usize, out: &mut String) {
    voiced_paragraph(rng, Voice::of(Language::ZhHans), min, max, out);
}

fn voiced_paragraph(rng: &mut XorShift, voice: Voice, min: usize, max: usize, out: &mut String) {
    let target = rng.range(min, max);
    let start = out.len();
    if !voice.ja && rng.one_in(4) {
        out.push_str(rng.pick(OPENINGS));
        out.push(if rng.one_in(2) { ' ' } else { '，' });
    }
    // CJK characters are 3 bytes in UTF-8: count roughly by bytes.
    while (out.len() - start) / 3 < target {
        voiced_sentence(rng, voice, out);
    }
}

/// Chinese news text of at least `bytes` bytes: paragraphs of ~100–400 characters, one a line.
pub fn cjk_text(bytes: usize, seed: u64) -> String {
    news_text(bytes, seed, Language::ZhHans)
}

/// News text in `language` (Simplified or Traditional Chinese, or Japanese; others get
/// Simplified Chinese) of at least `bytes` bytes, as dense as real copy: figures with units
/// and %, dates, Latin acronyms, quotations, full-width parentheses, 、 and ；, and for `ja`
/// kana with small kana and long vowel marks. Paragraphs of ~100–400 characters, one a line.
pub fn news_text(bytes: usize, seed: u64, language: Language) -> String {
    let voice = Voice::of(language);
    let mut rng = XorShift::new(seed);
    let mut out = String::with_capacity(bytes + 2048);
    while out.len() < bytes {
        voiced_paragraph(&mut rng, voice, 100, 400, &mut out);
        out.push('\n');
    }
    out
}

/// Paragraphs of news text, about `chars` characters in all.
fn paragraphs(rng: &mut XorShift, chars: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < chars || out.is_empty() {
        let mut p = String::new();
        paragraph(rng, 60, 300, &mut p);
        total += p.chars().count();
        out.push(p);
    }
    out
}

/// A RON string literal.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn option(s: &Option<String>) -> String {
    s.as_ref().map_or_else(|| "None".to_string(), |s| format!("Some({})", quoted(s)))
}

/// The grid of every generated page: a broadsheet, 8 columns of 13 em, 100 lines.
pub fn broadsheet() -> Grid {
    Grid::broadsheet()
}

/// One item, `n`th of the issue: mostly articles, every tenth a photo, every 25th a notice.
fn item(rng: &mut XorShift, n: usize, chars: usize) -> Item {
    use crate::model::{Article, Notice, Photo};
    if n % 25 == 24 {
        return Item::Notice(Notice {
            id: format!("notice-{n:05}"),
            title: "公告".to_string(),
            body: paragraphs(rng, chars / 2),
            signer: Some(rng.pick(SIGNERS).to_string()),
            date: Some(format!("2023年{}月{}日", rng.range(1, 12), rng.range(1, 28))),
            page: None,
            priority: None,
        });
    }
    if n % 10 == 9 {
        let mut caption = String::new();
        sentence(rng, &mut caption);
        return Item::Photo(Photo {
            id: format!("photo-{n:05}"),
            caption,
            credit: Some(format!("{} 摄", rng.pick(BYLINES))),
            file: None,
            span: rng.range(1, 3) as u16,
            height: Some(rng.range(12, 30) as u32),
            pixels: None,
            page: None,
            priority: None,
            with: None,
        });
    }
    let headline = format!("{} {}", rng.pick(PHRASES), rng.pick(PHRASES));
    Item::Article(Article {
        id: format!("article-{n:05}"),
        headline,
        subhead: rng.one_in(3).then(|| rng.pick(PHRASES).to_string()),
        kicker: rng.one_in(8).then(|| format!("“{}”", rng.pick(QUOTED))),
        byline: rng.one_in(2).then(|| rng.pick(BYLINES).to_string()),
        body: paragraphs(rng, chars),
        page: None,
        priority: None,
    })
}

/// The page plan's fields of an item, each with a space before it; nothing when it has none.
fn plan_fields(item: &Item) -> String {
    let mut out = String::new();
    if let Some(page) = item.planned_page() {
        write!(out, " page: Some({page}),").expect("writing to a String");
    }
    if let Some(priority) = item.priority() {
        write!(out, " priority: Some({priority}),").expect("writing to a String");
    }
    if let Item::Photo(p) = item
        && let Some(with) = &p.with
    {
        write!(out, " with: Some({}),", quoted(with)).expect("writing to a String");
    }
    out
}

/// Who plans the generated pages: a generator of its own, so that the items come out the
/// same with a plan and without.
struct Planner {
    rng: XorShift,
    page: u32,
    /// Whether the page has its lead yet.
    lead: bool,
    /// The page's last article so far.
    article: Option<String>,
}

/// Plans `item` (the `n`th) for `page`.
fn plan_item(item: &mut Item, planner: &mut Planner, page: u32, n: usize) {
    if planner.page != page {
        *planner = Planner { page, lead: false, article: None, rng: XorShift::new(planner.rng.next_u64()) };
    }
    if n % 7 == 6 {
        return;
    }
    let priority = if !planner.lead && matches!(item, Item::Article(_)) {
        planner.lead = true;
        1
    } else {
        planner.rng.range(2, 5) as u32
    };
    match item {
        Item::Article(a) => {
            (a.page, a.priority) = (Some(page), Some(priority));
            planner.article = Some(a.id.clone());
        }
        Item::Photo(p) => (p.page, p.priority, p.with) = (Some(page), Some(priority), planner.article.clone()),
        Item::Notice(x) => (x.page, x.priority) = (Some(page), Some(priority)),
    }
}

/// Writes `item` as the copy desk would, in the RON of docs/file-formats.md.
fn write_item(out: &mut String, item: &Item) {
    let list = |body: &[String]| body.iter().map(|p| format!("\n                {},", quoted(p))).collect::<String>();
    match item {
        Item::Article(a) => write!(
            out,
            "        Article(\n            id: {},{}\n            headline: {},\n            subhead: {},\n            kicker: {},\n            byline: {},\n            body: [{}\n            ],\n        ),\n",
            quoted(&a.id),
            plan_fields(item),
            quoted(&a.headline),
            option(&a.subhead),
            option(&a.kicker),
            option(&a.byline),
            list(&a.body),
        ),
        Item::Photo(p) => writeln!(
            out,
            "        Photo(id: {},{} caption: {}, credit: {}, file: None, span: {}, height: {}),",
            quoted(&p.id),
            plan_fields(item),
            quoted(&p.caption),
            option(&p.credit),
            p.span,
            p.height.map_or_else(|| "None".to_string(), |h| format!("Some({h})")),
        ),
        Item::Notice(n) => write!(
            out,
            "        Notice(\n            id: {},{}\n            title: {},\n            body: [{}\n            ],\n            signer: {},\n            date: {},\n        ),\n",
            quoted(&n.id),
            plan_fields(item),
            quoted(&n.title),
            list(&n.body),
            option(&n.signer),
            option(&n.date),
        ),
    }
    .expect("writing to a String");
}

/// Characters of body text per item so that 6,000 items make about 10 MB.
const CHARS_PER_ITEM: usize = 520;

/// A deterministic issue of `pages` broadsheet pages and `items` items (mostly articles, some
/// photos and notices; ~1.7 KB of text an item), as issue RON, and a layout placing every
/// item on the pages in turn, without overlap.
///
/// Placement stacks items down the columns: each goes at the columns where the stack is
/// shallowest, just below what is there, with `Depth::Auto`, its depth worked out by the fit
/// engine. Stacks may run past the foot of the page (a real desk would cut), never into each
/// other. `layout.issue` is left empty for the caller to fill in.
pub fn generate_issue(pages: usize, items: usize, seed: u64) -> (String, Layout) {
    generate(pages, items, seed, false)
}

/// [`generate_issue`] with a page plan, as the morning meeting (编前会) writes it: every item
/// planned for the page the layout puts it on, the page's first article its lead
/// (`priority: Some(1)`), the others 2–5, each photo `with` the article before it on its
/// page, and every seventh item left unplanned (a filler for any page). The items, their
/// text and the layout are those [`generate_issue`] makes with the same arguments.
pub fn generate_planned_issue(pages: usize, items: usize, seed: u64) -> (String, Layout) {
    generate(pages, items, seed, true)
}

fn generate(pages: usize, items: usize, seed: u64, plan: bool) -> (String, Layout) {
    let pages = pages.max(1);
    let mut rng = XorShift::new(seed);
    let grid = broadsheet();
    let language = Language::ZhHans;
    let mut ron = String::with_capacity(items * (CHARS_PER_ITEM * 3 + 400) + 4096);
    ron.push_str(
        "Issue(\n    paper: \"太原日报\",\n    date: \"2023-02-10\",\n    language: \"zh-Hans\",\n    pages: [\n",
    );
    for number in 1..=pages {
        let section = if rng.one_in(3) { "None".to_string() } else { format!("Some({})", quoted(rng.pick(SECTIONS))) };
        writeln!(
            ron,
            "        Page(number: {number}, section: {section}, grid: Grid(columns: {}, column_width: {}, gutter: {}, depth: {}, kinsoku: Strict, indent: {}, hanging: false, headline_size: {})),",
            grid.columns, grid.column_width, grid.gutter, grid.depth, grid.indent, grid.headline_size
        )
        .expect("writing to a String");
    }
    ron.push_str("    ],\n    items: [\n");
    let mut layout = Layout { issue: String::new(), pages: Vec::with_capacity(pages), conflicts: Vec::new() };
    let per_page = items.div_ceil(pages).max(1);
    let mut stacks = vec![0u32; usize::from(grid.columns)];
    let mut planner = Planner { rng: XorShift::new(seed ^ 0x5EED_F00D), page: 0, lead: false, article: None };
    for n in 0..items {
        let page = n / per_page;
        if layout.pages.len() <= page {
            layout.pages.push(PageLayout { number: page as u32 + 1, placements: Vec::new() });
            stacks.iter_mut().for_each(|s| *s = 0);
        }
        let chars = rng.range(CHARS_PER_ITEM / 3, CHARS_PER_ITEM * 5 / 3);
        let mut item = item(&mut rng, n, chars);
        if plan {
            plan_item(&mut item, &mut planner, page as u32 + 1, n);
        }
        write_item(&mut ron, &item);
        let span = match &item {
            Item::Photo(p) => p.span,
            Item::Notice(_) => 2,
            Item::Article(_) => [1, 1, 2, 2, 3, 4][rng.range(0, 5)],
        }
        .min(grid.columns);
        let depth = set_item(&item, &grid, language, span).depth_needed().max(1);
        // The columns whose stack is shallowest under the whole span, leftmost first.
        let width = usize::from(span);
        let (column, top) = (0..=stacks.len() - width)
            .map(|c| (c, stacks[c..c + width].iter().copied().max().unwrap_or(0)))
            .min_by_key(|&(c, top)| (top, c))
            .expect("a span no wider than the page");
        stacks[column..column + width].iter_mut().for_each(|s| *s = top + depth);
        layout.pages[page].placements.push(Placement::new(
            item.id().to_string(),
            column as u16 + 1,
            span,
            top + 1,
            Depth::Auto,
        ));
    }
    ron.push_str("    ],\n)\n");
    (ron, layout)
}

/// An issue of one broadsheet page and `items` short notices, and a layout stacking them all
/// on one another at column 1, two columns wide, line 1: the worst case for overlaps (every
/// box overlaps every other). `layout.issue` is left empty for the caller to fill in.
pub fn stacked_issue(items: usize) -> (String, Layout) {
    let mut ron = String::from(
        "Issue(paper: \"太原日报\", date: \"2023-02-10\", pages: [Page(number: 1, grid: Grid(columns: 8, column_width: 13, gutter: 1, depth: 100))], items: [\n",
    );
    let mut placements = Vec::with_capacity(items);
    for n in 0..items {
        let id = format!("notice-{n:06}");
        writeln!(ron, "Notice(id: \"{id}\", title: \"公告\", body: [\"特此公告。\"]),").expect("writing to a String");
        placements.push(Placement::new(id, 1, 2, 1, Depth::Auto));
    }
    ron.push_str("])\n");
    (ron, Layout { issue: String::new(), pages: vec![PageLayout { number: 1, placements }], conflicts: Vec::new() })
}
