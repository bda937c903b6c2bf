//! Which language the interface speaks: English, or Simplified Chinese for a Chinese locale.

/// The interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum UiLang {
    #[default]
    En,
    /// Simplified Chinese, as a mainland newsroom says it.
    ZhHans,
}

impl UiLang {
    /// Every language, for tests and documentation.
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::ZhHans];

    /// The language a flag names: `en` or `zh-Hans` (also `zh`, `zh_CN`, any case).
    pub fn parse(name: &str) -> Option<UiLang> {
        let lower = name.trim().to_ascii_lowercase().replace('_', "-");
        match lower.as_str() {
            "en" | "en-us" | "en-gb" => Some(UiLang::En),
            "zh" | "zh-hans" | "zh-cn" | "zh-sg" => Some(UiLang::ZhHans),
            _ => None,
        }
    }

    /// The language of a locale as POSIX picks it: the first non-empty of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG`; Chinese when it starts with `zh`, else English.
    pub fn from_locale(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> UiLang {
        let locale = [lc_all, lc_messages, lang].into_iter().flatten().find(|v| !v.is_empty());
        match locale {
            Some(l) if l.starts_with("zh") => UiLang::ZhHans,
            _ => UiLang::En,
        }
    }

    /// The flag when given (`--ui-lang`), else the locale of this process's environment.
    pub fn choose(flag: Option<UiLang>) -> UiLang {
        flag.unwrap_or_else(|| {
            let var = |name: &str| std::env::var(name).ok();
            UiLang::from_locale(var("LC_ALL").as_deref(), var("LC_MESSAGES").as_deref(), var("LANG").as_deref())
        })
    }

    /// The flag's spelling: `en`, `zh-Hans`.
    pub fn tag(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::ZhHans => "zh-Hans",
        }
    }
}
