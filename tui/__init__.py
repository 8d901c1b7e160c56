"""The `jixiao` command line and (from tui.app) the Textual app. Only tui.app and the
modules it imports may import Textual; the command line must start without it."""
