# Buttons under the answers about using the bot (data/kb/entries/bot-usage.json, src/flows/kb-actions.ts).
usage-button-my-data = 🗂 See my data
usage-button-unsubscribe = 🔕 Stop announcements
usage-button-help = ❓ How to use the assistant
usage-button-link = 🔗 Follow a registration from here
