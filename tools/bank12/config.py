"""bank12 settings for tools/banks/bank.py (keys described there). This bank leans on
manager/trainer questions, short search-box queries, everyday-word 'what should I do if /
is it ok to' questions and acronyms; situation questions are 30-80 words; near-miss rules;
at least 450 in-scope and 250 out-of-scope questions and 50 in-scope questions per document."""
CONFIG = dict(name='bank12', styles=('ma', 'sh', 'ns', 'ac', 'fa', 'si', 'ro', 'fu', 'ph'),
              situation_words=(30, 80), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
