<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CatalogTab</name>
    <message numerus="yes">
        <location filename="../../ui/admin/admin_tabs.py" line="+70"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HallDisplayWindow</name>
    <message numerus="yes">
        <location filename="../../ui/display/hall_display_window.py" line="+108"/>
        <source>%n counter(s) serving you now</source>
        <translation>
            <numerusform>%n counter serving you now</numerusform>
            <numerusform>%n counters serving you now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../ui/printing/preview_dialog.py" line="+164"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message numerus="yes">
        <location filename="../../ui/admin/admin_tabs.py" line="-31"/>
        <source>%n staff account(s)</source>
        <translation>
            <numerusform>%n staff account</numerusform>
            <numerusform>%n staff accounts</numerusform>
        </translation>
    </message>
</context>
</TS>
