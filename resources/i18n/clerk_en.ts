<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPanel</name>
    <message numerus="yes">
        <location filename="../../ui/audit/audit_panel.py" line="+124"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
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
    <name>ListPageText</name>
    <message numerus="yes">
        <location filename="../../ui/admin/list_page.py" line="+42"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
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
</TS>
