"""China's working days and the arithmetic of time: working-day calendars, periods counted
from an instant (民法典 第二百零一條、第二百零三條), and clocks that pause and extend.
"""
