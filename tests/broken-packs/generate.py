#!/usr/bin/env python3
"""Regenerates the broken packs from the example in docs/case-pack-format.md: one defect each.
Run from the repository root: python3 tests/broken-packs/generate.py"""
import re, os
doc=open('docs/case-pack-format.md').read()
example=re.search(r"```casepack\n(.*?)```\n?$", doc, re.S).group(1)
CT_OK='quote = "Computed tomography showed bilateral alveolar opacities.", status = "seed" }\n\n[[events]]\nid = "recovery"'
M=[
("no-front-matter", "+++\nformat = 1", "format = 1", "", "a case pack starts with a line", None),
("unclosed-front-matter", "+++\n# Abstract", "# Abstract", "", "a case pack starts with a line", None),
("toml-syntax", 'id = "example"', 'id = "example', "", "TOML syntax", 'id = "example'),
("unknown-section", "format = 1\n", "format = 1\n\n[extras]\nx = 1\n", "extras", "unknown section `extras`", "[extras]"),
("unknown-field", 'licence = "CC BY 4.0"', 'licence = "CC BY 4.0"\nlicense = "CC BY 4.0"', "meta.license", "unknown field `license`", 'license = '),
("wrong-format-version", "format = 1", "format = 2", "format", "format version 2 is not supported", "format = 2"),
("format-wrong-type", "format = 1", 'format = "one"', "format", "wrong type", 'format = "one"'),
("missing-meta-title", 'title = "Diffuse alveolar hemorrhage during alemtuzumab infusion in a patient with multiple sclerosis: a case report"\njournal', "journal", "meta", "missing field `title`", None),
("year-wrong-type", "year = 2018", 'year = "2018"', "meta.year", "wrong type", 'year = "2018"'),
("missing-anchor", '[anchor]\nlabel = "start of the first alemtuzumab infusion"\nprovenance = { source = "case-report", quote = "following the second infusion of alemtuzumab during the first treatment cycle", status = "seed" }\n', "", "anchor", "missing required section `anchor`", None),
("bad-status", CT_OK, CT_OK.replace('status = "seed"', 'status = "certain"'), "events[1].provenance.status", "unknown variant `certain`", "certain"),
("bad-lane", 'lane = "symptom"', 'lane = "symptoms"', "events[0].lane", "unknown variant `symptoms`", 'lane = "symptoms"'),
("bad-precision", 'time = { at = "+24 h", precision = "approximate" }', 'time = { at = "+24 h", precision = "roughly" }', "events[0].time.precision", "unknown variant `roughly`", "roughly"),
("time-no-unit", 'time = { at = "+24 h", precision = "approximate" }', 'time = { at = "24", precision = "approximate" }', "events[0].time.at", "has no unit", 'at = "24"'),
("time-unknown-unit", 'time = { at = "+24 h", precision = "approximate" }', 'time = { at = "+2 fortnights", precision = "approximate" }', "events[0].time.at", "unknown unit", "fortnights"),
("range-without-bounds", 'time = { at = "+24 h", precision = "approximate" }', 'time = { at = "+24 h", precision = "range" }', "events[0].time", "needs both `earliest` and `latest`", 'precision = "range"'),
("interval-ends-before-start", 'time = { at = "+1 w", precision = "after" }', 'time = { at = "+1 w", until = "+1 d", precision = "after" }', "events[2].time", "interval ends", 'until = "+1 d"'),
("duplicate-event-id", 'id = "ct"', 'id = "symptoms"', "events[1].id", "used twice in events", None),
("bad-id-characters", 'id = "recovery"', 'id = "Recovery Day"', "events[2].id", "must be 1–64 characters", 'id = "Recovery Day"'),
("quote-not-in-article", CT_OK, CT_OK.replace("showed bilateral alveolar opacities.", "showed unilateral opacities."), "events[1].provenance.quote", "quote not found in the article", "unilateral"),
("quote-not-in-source-text", 'quote = "with time to onset 1–3 days after infusion in most cases"', 'quote = "with time to onset 1–5 days after infusion in most cases"', "findings[1].provenance.quote", "quote not found in the text of source `label`", "1–5 days"),
("empty-quote", 'quote = "a 29 year old woman", status = "seed" }\n\n[[comparison]]', 'quote = "  ", status = "seed" }\n\n[[comparison]]', "measurements[0].provenance.quote", "must not be empty", None),
("unknown-source", 'provenance = { source = "label", quote', 'provenance = { source = "lable", quote', "findings[1].provenance.source", "no source has id `lable`", "lable"),
("seed-status-on-other-source", 'quote = "with time to onset 1–3 days after infusion in most cases", status = "verified"', 'quote = "with time to onset 1–3 days after infusion in most cases", status = "seed"', "findings[1].provenance.status", "status \"seed\" is only for facts quoted from the case report", None),
("article-quote-not-seed", 'quote = "We report a case", status = "seed"', 'quote = "We report a case", status = "verified"', "comparison[0].n.provenance.status", "has status \"seed\"", None),
("source-without-text", "excerpt_from = \"LITERATURE.md\"\ntext = '''\n- Lemtrada US label: infusion reactions in 92% of treated MS patients, serious in\n  3%. Postmarketing pulmonary alveolar haemorrhage, myocardial ischaemia and\n  infarction, with time to onset 1–3 days after infusion in most cases.'''\n", "", "findings[1].provenance.source", "has no `text` to check the quote against", None),
("article-source-with-text", 'title = "Diffuse alveolar hemorrhage during alemtuzumab infusion in a patient with multiple sclerosis: a case report"\nstatus = "verified"', 'title = "Diffuse alveolar hemorrhage during alemtuzumab infusion in a patient with multiple sclerosis: a case report"\nstatus = "verified"\ntext = "the article"', "sources[0].text", "takes its text from the Markdown body", None),
("meta-article-source-dangling", 'article_source = "case-report"', 'article_source = "the-paper"', "meta.article_source", "no source has id `the-paper`", 'article_source = "the-paper"'),
("measurement-dangling-event", 'event = "symptoms"', 'event = "symptom-onset"', "measurements[0].event", "no event has id `symptom-onset`", 'event = "symptom-onset"'),
("measurement-without-value", 'value = 29\nunit = "years"', 'unit = "years"', "measurements[0]", "needs `value`", None),
("cell-without-provenance", 'outcome = { text = "Full recovery", provenance = { source = "case-report", quote = "The symptoms resolved completely without treatment", status = "seed" } }', 'outcome = { text = "Full recovery" }', "comparison[0].cells.outcome", "needs provenance", None),
("missing-cell", 'ventilation = { text = "not reported" }\n', "", "comparison[0].cells", "missing field `ventilation`", None),
("deaths-exceed-n", "outcome_counts = { n = 1, deaths = 0,", "outcome_counts = { n = 1, deaths = 2,", "comparison[0].outcome_counts.deaths", "2 deaths among 1 patients is impossible", None),
("rule-dangling-finding", 'finding = "bal-bloody"\nanswer = "yes"\ndiagnosis = "infection"', 'finding = "bal-clear"\nanswer = "yes"\ndiagnosis = "infection"', "rules[1].finding", "no finding has id `bal-clear`", 'finding = "bal-clear"'),
("rule-dangling-diagnosis", 'diagnosis = "infection"\neffect', 'diagnosis = "pneumonia"\neffect', "rules[1].diagnosis", "no diagnosis has id `pneumonia`", 'diagnosis = "pneumonia"'),
("rule-answer-does-not-exist", 'answer = "yes"\ndiagnosis = "infection"', 'answer = "maybe"\ndiagnosis = "infection"', "rules[1].answer", "unknown variant `maybe`", 'answer = "maybe"'),
("rule-on-not-done", 'answer = "yes"\ndiagnosis = "infection"', 'answer = "not-done"\ndiagnosis = "infection"', "rules[1].answer", "a rule fires on an answer the finding can have", None),
("rule-bad-effect", 'effect = "weighs-against"', 'effect = "excludes"', "rules[1].effect", "unknown variant `excludes`", 'effect = "excludes"'),
("duplicate-rule", 'diagnosis = "infection"\neffect = "weighs-against"', 'diagnosis = "dah"\neffect = "weighs-against"', "rules[1]", "another rule already joins", None),
("worked-example-dangling-event", 'event = "ct"', 'event = "bronchoscopy"', "worked_example[0].event", "no event has id `bronchoscopy`", 'event = "bronchoscopy"'),
("question-correct-out-of-range", "correct = 1", "correct = 5", "questions[0].correct", "option 5 does not exist", "correct = 5"),
("question-single-option", 'options = ["With high-dose steroids", "Without treatment"]\ncorrect = 1', 'options = ["Without treatment"]\ncorrect = 0', "questions[0].options", "needs at least two options", None),
("references-not-a-list", "[[references]]\nnumber = 1\nknown = \"Not identified.\"\nstatus = \"unverified\"", "references = \"none\"", "references", "must be a list of tables", 'references = "none"'),
("duplicate-reference", "[[references]]\nnumber = 1\nknown = \"Not identified.\"\nstatus = \"unverified\"", "[[references]]\nnumber = 1\nknown = \"Not identified.\"\nstatus = \"unverified\"\n\n[[references]]\nnumber = 1\nknown = \"Again.\"\nstatus = \"unverified\"", "references[1].number", "listed twice", None),
("stage-dangling-event", 'events = ["ct", "recovery"]', 'events = ["ct", "recovery", "discharge"]', "stages[1].events[2]", "no event has id `discharge`", '"discharge"'),
("stage-event-twice", 'events = ["ct", "recovery"]', 'events = ["ct", "symptoms"]', "stages[1].events[1]", "already revealed at stage 1", None),
("stage-next-test-not-workup", 'next_tests = ["bronchoscopy"]', 'next_tests = ["steroids"]', "stages[0].next_tests[0]", "no work-up item", '"steroids"'),
("worked-example-event-unstaged", 'events = ["ct", "recovery"]', 'events = ["recovery"]', "worked_example[0].event", "in no stage", None),
("empty-article", example[example.index("+++\n# Abstract")+4:], "", "article", "the article (Markdown after the front matter) is empty", None),
]
for old in os.listdir('tests/broken-packs'):
    if old.endswith(('.casepack.md', '.expect')): os.remove(os.path.join('tests/broken-packs', old))
for i,(name,old,new,path,msg,anchor) in enumerate(M,1):
    assert example.count(old)>=1, name
    text=example.replace(old,new,1)
    if name == "references-not-a-list":  # the string must be top-level, before any table
        text=text.replace('references = "none"', '', 1).replace("format = 1\n", 'format = 1\nreferences = "none"\n', 1)
    expect_line=None
    if text.startswith("+++\n"):
        text="+++\n"+f"# Broken on purpose: {name}. See tests/broken-packs/README.md.\n"+text[4:]
    else:
        text=f"Broken on purpose: {name}. See tests/broken-packs/README.md.\n"+text
    if anchor:
        idx=text.index(anchor); expect_line=text[:idx].count('\n')+1
    if name in ("no-front-matter","unclosed-front-matter"): expect_line=1
    fname=f"tests/broken-packs/{i:02d}-{name}.casepack.md"
    open(fname,'w').write(text)
    open(fname.replace('.casepack.md','.expect'),'w').write(f"{expect_line if expect_line else '*'}|{path}|{msg}\n")
print(len(M))
