# Buttons under the answers about using the bot (data/kb/entries/bot-usage.json, src/flows/kb-actions.ts).
usage-button-my-data = 🗂 Xem dữ liệu của tôi
usage-button-unsubscribe = 🔕 Tắt thông báo
usage-button-help = ❓ Hướng dẫn sử dụng
usage-button-link = 🔗 Theo dõi hồ sơ từ kênh này
