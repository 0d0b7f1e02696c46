## Ảnh: thu nhỏ, mã hóa lại, bỏ thông tin máy ảnh (src/images/).

images-unreadable = không đọc được ảnh này: { $error }
