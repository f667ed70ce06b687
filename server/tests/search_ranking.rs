//! Search ranking on the shipped curriculum: for queries a caseworker at the counter would
//! type (thresholds, documents, procedures, norms, umlauts spelled out or dropped) the lesson
//! that answers them is among the first three results.

mod support;

use support::{encode, TestApp};

/// The lesson addresses of a results page, in order.
pub fn hit_hrefs(html: &str) -> Vec<String> {
    html.split("class=\"search-hit__title\"><a href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

const CASES: &[(&str, &str)] = &[
    // documents
    ("Fiktionsbescheinigung", "basiswissen/antrag-fiktion/fiktionsbescheinigung"),
    ("Zusatzblatt", "digitales-arbeiten/eat/chip-und-zusatzblatt"),
    ("PIN PUK", "digitales-arbeiten/eat/pin-puk-online-ausweis"),
    ("Aufenthaltskarte", "basiswissen/freizuegigkeit/familienangehoerige-und-aufenthaltskarte"),
    // thresholds
    ("Gehaltsschwelle Blaue Karte", "fachkraefteeinwanderung/blaue-karte/gehaltsschwellen"),
    ("Mindestgehalt Erfahrungssäule", "fachkraefteeinwanderung/erfahrungssaeule/nachweise-und-gehalt"),
    ("Chancenkarte Punkte", "fachkraefteeinwanderung/chancenkarte/punkte-berechnen"),
    // procedures
    ("beschleunigtes Fachkräfteverfahren Ablauf", "fachkraefteeinwanderung/beschleunigtes-verfahren/ablauf-und-beteiligte"),
    ("Anhörung", "basiswissen/verwaltungsverfahren/anhoerung-begruendung-bekanntgabe"),
    ("Widerspruch Frist", "basiswissen/verwaltungsverfahren/rechtsbehelfe-und-fristen"),
    ("ersetzendes Scannen", "digitales-arbeiten/e-akte/scannen"),
    ("Phishing", "digitales-arbeiten/it-sicherheit-datenschutz/phishing-erkennen"),
    ("Zustimmung Bundesagentur", "fachkraefteeinwanderung/fachkraefte/zustimmung-der-ba"),
    ("verspäteter Antrag", "basiswissen/antrag-fiktion/verspaeteter-antrag"),
    ("Westbalkanregelung", "fachkraefteeinwanderung/erfahrungssaeule/westbalkanregelung"),
    ("Defizitbescheid", "fachkraefteeinwanderung/anerkennung/qualifizierungsmassnahme"),
    // norms
    ("§ 81a", "fachkraefteeinwanderung/beschleunigtes-verfahren/vereinbarung-nach-81a-abs-2"),
    ("§81a", "fachkraefteeinwanderung/beschleunigtes-verfahren/vereinbarung-nach-81a-abs-2"),
    ("81a AufenthG", "fachkraefteeinwanderung/beschleunigtes-verfahren/vereinbarung-nach-81a-abs-2"),
    ("§ 81a Abs. 3", "fachkraefteeinwanderung/beschleunigtes-verfahren/vereinbarung-nach-81a-abs-2"),
    ("§ 60a AufenthG", "basiswissen/duldung-gestattung/duldung"),
    ("§ 6 BeschV", "fachkraefteeinwanderung/erfahrungssaeule/voraussetzungen-paragraf-6-beschv"),
    ("§ 55 AsylG", "basiswissen/duldung-gestattung/aufenthaltsgestattung"),
    // stemming, prefixes, umlauts spelled out or dropped
    ("Aufenthaltstitels", "basiswissen/aufenthaltstitel/titelarten"),
    ("Fiktion", "basiswissen/antrag-fiktion/fiktionsarten"),
    ("Fachkraefte Familiennachzug", "fachkraefteeinwanderung/familiennachzug-verfestigung/familiennachzug-zu-fachkraeften"),
    ("Niederlassungserlaubnis Fachkrafte", "fachkraefteeinwanderung/familiennachzug-verfestigung/niederlassungserlaubnis-fuer-fachkraefte"),
    ("Uebermittlungssperre", "basiswissen/azr-datenschutz/uebermittlungssperre-und-datenpanne"),
    ("Auslanderzentralregister", "basiswissen/azr-datenschutz/das-auslaenderzentralregister"),
    ("oertliche Zustaendigkeit", "basiswissen/zustaendigkeiten/oertliche-zustaendigkeit"),
    ("Schwiegereltern", "fachkraefteeinwanderung/familiennachzug-verfestigung/eltern-und-schwiegerelternnachzug"),
];

#[tokio::test]
async fn the_answering_lesson_is_among_the_first_three_results() {
    let app = TestApp::builder().with_curriculum().sqlite().await;
    let (_, cookie) = app.learner("anna@kreis.de").await;
    let mut failures = Vec::new();
    for (query, expected) in CASES {
        let path = format!("/suche?{}", encode(&[("q".into(), (*query).into())]));
        let hits = hit_hrefs(&app.page(&path, &cookie).await);
        let expected = format!("/tracks/{expected}");
        if !hits.iter().take(3).any(|h| *h == expected) {
            failures.push(format!(
                "{query:?}: expected {expected}, got {:?}",
                &hits[..hits.len().min(5)]
            ));
        }
    }
    assert!(CASES.len() >= 15);
    assert!(
        failures.is_empty(),
        "{} of {} queries:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn lessons_citing_a_norm_come_before_lessons_that_only_mention_it() {
    let app = TestApp::builder().with_curriculum().sqlite().await;
    let (_, cookie) = app.learner("anna@kreis.de").await;
    let html = app.page("/suche?q=%C2%A7%2081a", &cookie).await;
    let hits = hit_hrefs(&html);
    let cites = html.matches("class=\"search-hit__cites\"").count();
    assert!(cites > 0, "{hits:?}");
    // Every hit that cites § 81a comes before every hit that does not.
    let blocks: Vec<&str> = html.split("class=\"search-hit\"").skip(1).collect();
    let first_plain = blocks.iter().position(|b| !b.contains("search-hit__cites"));
    let last_citing = blocks.iter().rposition(|b| b.contains("search-hit__cites"));
    if let (Some(plain), Some(citing)) = (first_plain, last_citing) {
        assert!(citing < plain, "{hits:?}");
    }
}
