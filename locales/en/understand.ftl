# Understanding people as they write (issue 15): values found inside a sentence, intents in free text.
# Placeables are escaped by the bot; only <b>, <i>, <u>, <code>, <a href="…"> may be used; & is written &amp;.

understand-understood = Understood: { $label }: <b>{ $value }</b>. (If this is not right, press ⬅️ Back.)
understand-several = Your answer holds more than one value. Please type exactly one. For example: { $example }.
understand-money-foreign = This amount is in a foreign currency (“{ $typed }”). The assistant does not convert currencies: please give the amount in Vietnamese đồng, as in your financial statements. For example: { $example }.
understand-phone-foreign = The foreign phone number is kept as typed (with its country code).
understand-multi-added = Added: <b>{ $list }</b>. You can type or press more items, then press Done (or type “done”).
understand-multi-unknown = Not recognised: { $list }.
understand-which-one = Your answer could be one of these: { $list }. Please press the right one.
understand-multi-which = “{ $typed }” could be: { $list }. Please press the right one below.
