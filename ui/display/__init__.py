"""The hall display (叫号屏): the big screen that shows which ticket goes to which counter."""
