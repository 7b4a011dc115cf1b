# The officials' queue (/case with nothing after it) and the search-again and back-to-list buttons.
queue-all = All
queue-head-all = <b>Newest dossiers</b> — { $total } in all, page { $page }/{ $pages }:
queue-head-status = <b>Dossiers “{ $status }”</b> — { $total } in all, page { $page }/{ $pages }:
queue-head-prefix-all = <b>Dossiers whose code starts with { $prefix }</b> — { $total } in all, page { $page }/{ $pages }:
queue-head-prefix-status = <b>Dossiers whose code starts with { $prefix }, status “{ $status }”</b> — { $total } in all, page { $page }/{ $pages }:
queue-line = • <code>{ $code }</code> · { $org } · { $status } · filed { $date }
queue-empty = No dossiers yet.
queue-empty-prefix = No dossier has a code starting with { $prefix }.
queue-or-search = Or type a <b>tracking code</b> (or its start, e.g. GT-2026), a <b>tax code</b> or the <b>organisation's name</b> to search.
queue-button-previous = ◀️ Previous page
queue-button-next = Next page ▶️
queue-button-all = All
queue-button-status = { $status } ({ $count })
queue-button-search = 🔎 Search again
queue-button-list = ◀️ List
case-list-invalid = This request for a list of dossiers is not valid.
