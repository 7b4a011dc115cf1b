# The Zalo Official Account channel. Zalo shows no formatting: these texts are sent as plain text.

zalo-file-elsewhere = The file “{ $name }” cannot be sent over Zalo. Please get it on Telegram, or ask the official in charge to send it by email.
zalo-stored-file = 📎 { $name }: { $url }

# To officials (Telegram), when the OA's tokens cannot be renewed.
zalo-needs-consent =
    <b>The Zalo OA channel has stopped sending.</b> The Zalo access token could not be renewed (error: { $detail }).
    An administrator of the Zalo OA must grant the app consent again, then update ZALO_REFRESH_TOKEN and restart the assistant (see the Zalo section of the README).

# Printed by npm start for the person at the server.
startup-zalo = The Zalo OA channel is running: its webhook address on this machine is { $url }
