"""The Textual app's screens: welcome, browse, search, compare, findings, help…"""
