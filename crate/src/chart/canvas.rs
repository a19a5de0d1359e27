//! Backends for the browser that measure text with a canvas.
//!
//! In WebAssembly plotters measures text by inserting a styled `<span>` into the page, which the page's
//! Content-Security-Policy forbids and which forces a layout on every label. [`Measured`] delegates all
//! drawing to another backend (plotters-canvas on the page's canvases, the SVG backend for a chart
//! taken away as SVG) and measures text with a canvas's own `measureText`.

use plotters::prelude::SVGBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A backend whose text sizes come from `CanvasRenderingContext2d::measureText`.
pub struct Measured<B> {
    inner: B,
    context: CanvasRenderingContext2d,
}

fn context_of(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<CanvasRenderingContext2d>()
        .ok()
}

/// Drawing on the page's canvas.
pub type MeasuredCanvas = Measured<CanvasBackend>;

impl Measured<CanvasBackend> {
    pub fn new(canvas: HtmlCanvasElement) -> Option<MeasuredCanvas> {
        let context = context_of(&canvas)?;
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Measured { inner, context })
    }
}

impl<'a> Measured<SVGBackend<'a>> {
    /// An SVG document written into `text`, `size` pixels, its text measured with `canvas`.
    pub fn svg(
        text: &'a mut String,
        size: (u32, u32),
        canvas: &HtmlCanvasElement,
    ) -> Option<Measured<SVGBackend<'a>>> {
        let context = context_of(canvas)?;
        Some(Measured {
            inner: SVGBackend::with_string(text, size),
            context,
        })
    }
}

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vertices, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        position: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_text(text, style, position)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        let width = measured_width(&font, text, || {
            self.context.set_font(&font);
            self.context
                .measure_text(text)
                .map(|metrics| metrics.width())
                .unwrap_or(0.0)
        });
        Ok((
            width.ceil().max(0.0) as u32,
            style.size().ceil().max(0.0) as u32,
        ))
    }
}

thread_local! {
    /// Text widths already measured, by font and text: a redraw measures the same tick labels, years
    /// and legend names again, and each measurement crosses into the browser. Bounded: emptied when full.
    static WIDTHS: std::cell::RefCell<std::collections::HashMap<(String, String), f64>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

const MAX_REMEMBERED_WIDTHS: usize = 4096;

fn measured_width(font: &str, text: &str, measure: impl FnOnce() -> f64) -> f64 {
    let key = (font.to_string(), text.to_string());
    if let Some(width) = WIDTHS.with(|widths| widths.borrow().get(&key).copied()) {
        return width;
    }
    let width = measure();
    WIDTHS.with(|widths| {
        let mut widths = widths.borrow_mut();
        if widths.len() >= MAX_REMEMBERED_WIDTHS {
            widths.clear();
        }
        widths.insert(key, width);
    });
    width
}
