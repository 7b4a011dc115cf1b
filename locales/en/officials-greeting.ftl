# The officials' own greeting and help, and the notice to someone granted or losing a role.
officials-role-official = official
officials-role-admin = administrator
officials-welcome-named =
    Welcome, { $role } { $name }! This is the <b>{ bot-name }</b> of { $unit }.
    Type /case for the newest dossiers, /help for the officials' commands.
officials-welcome =
    Welcome, { $role }! This is the <b>{ bot-name }</b> of { $unit }.
    Type /case for the newest dossiers, /help for the officials' commands.
officials-help-intro = <b>Officials' commands</b>
officials-help-everyone = <b>Everyone's commands</b> (as enterprises use them): { $commands }
officials-help-footer = /cancel stops what is half done. Questions typed directly are answered as for enterprises.
role-notice-granted = 🔑 This account has just been given the <b>{ $role }</b> role in the { bot-name } of { $unit }. It can now use:
role-notice-footer = Type /help for every command.
role-notice-revoked = This account's officials' role in the { bot-name } of { $unit } has been withdrawn: the officials' commands no longer work. Everything else works as before (/help).
role-notice-sent = 📨 This person has been told on their messaging channel.
role-notice-failed = ⚠️ This person could not be told ({ $reason }); please tell them directly.
