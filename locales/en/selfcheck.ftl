# The readiness self-check (/selfcheck): statements, the 0–4 scale, the result.

cmd-selfcheck = Readiness self-check on the award's 7 criteria
menu-selfcheck = 🧭 Self-check

selfcheck-rules-legacy = on the 7 criteria of Decree 74/2018 and Circular 27/2019
selfcheck-rules-2026 = under Decree 37/2026 (7 management aspects and the quality of the product entered)
selfcheck-intro = 🧭 <b>Readiness self-check for the National Quality Award</b>
    { $count } short statements on { $criteria } groups of criteria, { $rules }. For each one, choose the level that matches your firm:
    { $scale }
    You can stop and continue later; typing a number 0–4 works too. The result is <b>an indication for the enterprise, not the council's score</b>.
selfcheck-statement = <b>Statement { $n }/{ $total }</b> · <i>{ $criterion }</i>
    { $statement }
selfcheck-button-back = ⬅️ Back
selfcheck-button-stop = ⏸ Stop
selfcheck-button-continue = ▶️ Continue
selfcheck-button-restart = 🔄 Start again
selfcheck-resume = You have a self-check in progress ({ $answered } answered, last at { $when }). Continue from statement { $n }/{ $total }, or start again?
selfcheck-stopped = Stopped at statement { $n }/{ $total }; your answers are kept. Type /selfcheck or press "Continue" to go on.
selfcheck-button-old = That button belongs to another statement; this is the one being asked.
selfcheck-type-digit = Please choose a button, or type a number from 0 to 4.
selfcheck-state-broken = The self-check in progress could not be read; please start again.
selfcheck-cancelled = The self-check in progress is cancelled. Results saved before are kept (see and delete them under /mydata).

selfcheck-result-head = 🧭 <b>Readiness self-check result</b> ({ $date }, { $rules })
selfcheck-not-council = ⚠️ This is <b>an indication for the enterprise, not the council's score</b>. Each criterion is the mean of its statements divided by 4.
selfcheck-compare-head = Compared with last time ({ $date }): before → now.
selfcheck-line = • { $name }: <b>{ $score }%</b>
selfcheck-line-compare = • { $name }: { $before }% → <b>{ $score }%</b>
selfcheck-weighted = Weighted by the points of the 7 criteria (Decree 74/2018, 1,000 points in all): about <b>{ $points }/{ $of }</b> — to give an idea only, not an award score.
selfcheck-unweighted = { $name }: not in the figure above. { $note }
selfcheck-weak-head = <b>The two criteria to improve first</b>
selfcheck-weak-line = { $n }. <b>{ $name }</b> ({ $score }%): { $advice }
    NSCL support that helps: { $kinds }.
selfcheck-chart-title = Readiness by criterion (%)
selfcheck-chart-subtitle = Self-check of { $date } — an indication, not the council's score
selfcheck-chart-caption = Readiness by criterion. What you can do next:
selfcheck-button-support = 🤝 Request NSCL support for these
selfcheck-button-register = 📝 Register for the award
selfcheck-button-contact = ☎️ Talk to the unit
selfcheck-button-offer = 🧭 Readiness self-check
selfcheck-support-intro = NSCL support request: <b>{ $kinds }</b> are already ticked from your self-check; you can change them at the final confirmation.

selfcheck-attach-ask = Would you like to attach this result to your award registration ({ $codes })? Only an attached result can be seen by the Department's officials.
selfcheck-button-attach = 📎 Attach to { $code }
selfcheck-button-no-attach = Do not attach
selfcheck-attached = The self-check result is attached to { $code }. The Department's officials see it when they open the case.
selfcheck-not-attached = Only you can see the result (under /mydata). Officials see only combined figures, never one enterprise's result.
selfcheck-attach-not-allowed = It cannot be attached: this submission is not this account's, or it has ended.
selfcheck-none = No self-check result is saved. Type /selfcheck to take one.

selfcheck-data = 🧭 <b>Self-check results</b>: { $count } saved (the newest 5 at most); the newest attached to: { $attached }.
selfcheck-button-delete = 🗑 Delete the self-check results
selfcheck-delete-confirm = Delete all your self-check results? This cannot be undone; submissions they were attached to will no longer show them.
selfcheck-button-delete-yes = ✅ Delete
selfcheck-button-delete-no = Keep them
selfcheck-deleted = All self-check results are deleted.
selfcheck-kept = The self-check results are kept.

selfcheck-case = 🧭 <b>Self-check attached by the enterprise</b> ({ $date }; an indication, not a score): { $items }; weighted by the 7 criteria's points about { $points }/{ $of }.
selfcheck-case-item = { $name } { $score }%
selfcheck-expired = Your unfinished readiness self-check (last at { $when }) expired after 30 days without use; its answers have been deleted. You can take it again with /selfcheck.
