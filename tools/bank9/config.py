"""bank9 settings for tools/banks/bank.py (keys described there): emphasis on practitioner
situations (40-120 words), everyday-word questions, named roles and manager/chair/trainer
questions; near-miss rules, at least 450 in-scope and 250 out-of-scope questions and 50
in-scope questions per document."""
CONFIG = dict(name='bank9', styles=('si', 'ns', 'ro', 'ma', 'fa', 'sh', 'fu', 'ph', 'ac'),
              situation_words=(40, 120), near_miss=True, min_inscope=450, min_oos=250, min_per_doc=50)
