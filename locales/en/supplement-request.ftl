# /status (one's own submissions): what the official asked for, for an enterprise that missed the notice.
sub-supplement-head = 📌 <b>Dossier { $code } needs more documents</b> (asked on { $date }).
sub-supplement-note = <b>Note from the official in charge:</b> { $note }
sub-supplement-items = <b>Items to supplement:</b>
sub-supplement-missing = <b>Required items not sent yet:</b>
sub-supplement-item = • { $name }
sub-supplement-item-note = • { $name }: { $note }
