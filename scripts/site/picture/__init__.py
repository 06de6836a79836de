"""The picture of time: items, scale, ticks, the layouts across and down, and the SVG."""
