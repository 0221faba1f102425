"""bank14 settings for tools/banks/bank.py (keys described there): phone/text-speak,
UK everyday speech, role and manager questions emphasised; acronym style allowed;
situation questions 30-80 words, near-miss rules, at least 450 in-scope and 250
out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank14', styles=('ph', 'ns', 'ro', 'ma', 'fa', 'si', 'fu', 'sh', 'ac'),
              situation_words=(30, 80), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
