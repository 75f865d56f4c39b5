// A widget's stylesheet module (side effects only), imported with the widget where it is fetched on demand.
declare module 'element-plus/es/components/*/style/css'
